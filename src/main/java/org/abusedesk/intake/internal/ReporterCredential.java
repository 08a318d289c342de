package org.abusedesk.intake.internal;

import org.abusedesk.intake.ReporterKind;

/** Who a reporter token says its holder is, as the operator configured it. */
record ReporterCredential(long tokenId, String label, ReporterKind kind, String name, String email,
		String organisation) {

	boolean trustedFlagger() {
		return this.kind == ReporterKind.TRUSTED_FLAGGER;
	}

}

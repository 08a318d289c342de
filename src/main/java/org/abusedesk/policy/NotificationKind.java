package org.abusedesk.policy;

/** Outbound messages a response plan can call for (DOMAIN.md). */
public enum NotificationKind {

	FORWARD_TO_HOST("forward_to_host"), NOTIFY_OWNER("notify_owner"), NOTIFY_REPORTER("notify_reporter"),
	NCMEC_REFERRAL("ncmec_referral"), LAW_ENFORCEMENT_REFERRAL("law_enforcement_referral");

	private final String wire;

	NotificationKind(String wire) {
		this.wire = wire;
	}

	public String wire() {
		return this.wire;
	}

	public static NotificationKind fromWire(String value) {
		for (NotificationKind candidate : values()) {
			if (candidate.wire.equals(value)) {
				return candidate;
			}
		}
		throw new IllegalArgumentException("Unknown notificationkind: " + value);
	}

}

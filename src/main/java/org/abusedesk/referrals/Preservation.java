package org.abusedesk.referrals;

import java.util.Optional;

import org.abusedesk.access.Role;

/**
 * Evidence preserved for a case (18 U.S.C. 2258A(h)): while on hold it cannot be deleted
 * or purged, only {@code legal} and {@code admin} may see it, and every access is
 * audited.
 */
public interface Preservation {

	/** The hold over an evidence file, if one is in force. */
	Optional<Long> holdOfEvidence(long evidenceId);

	/** Whether a staff member of this role may open held evidence. */
	static boolean mayAccess(Role role) {
		return role == Role.LEGAL || role == Role.ADMIN;
	}

	/** Records that {@code actor} opened held evidence, in the case's audit stream. */
	void accessed(long evidenceId, String actor);

}

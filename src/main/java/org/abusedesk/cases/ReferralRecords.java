package org.abusedesk.cases;

/**
 * What case work asks of the referrals: whether a referral is recorded, not only planned.
 * Implemented by the referrals module; the emergency guardrail refuses to put an
 * emergency block into force without a law-enforcement referral on record (DSA Art. 18).
 */
public interface ReferralRecords {

	/** Whether a law-enforcement referral of the case is recorded. */
	boolean lawEnforcementReferralRecorded(long caseId);

}

package org.abusedesk.transparency;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The customer's copy of a statement of reasons (DSA Art. 17): the statement abusedesk
 * submits to the Transparency Database for a mitigation, composed from the same facts by
 * the same code, in plain sentences: what was decided, on which ground, the category,
 * where it applies, the facts, whether it was automated, the dates and the customer's
 * means of redress. For the customer's notice email and the customer's view.
 */
public interface CustomerStatements {

	/**
	 * The statement of mitigation {@code mitigationId} in plain words, as of now (the
	 * mitigation may still be pending: its dates are then the planned ones); empty when
	 * there is no such mitigation. Reads in the caller's transaction.
	 */
	Optional<CustomerStatement> of(long mitigationId);

	/**
	 * The statements of mitigations {@code mitigationIds} in one read, as
	 * {@link #of(long)} gives each: a page of the customer's mitigations or the
	 * mitigations of one notice, without a query per mitigation.
	 * @return each mitigation's statement by its id, in the order of
	 * {@code mitigationIds}; none for a mitigation that does not exist
	 */
	Map<Long, CustomerStatement> of(Collection<Long> mitigationIds);

	/**
	 * @param puid the statement's reference, the same {@code puid} the Transparency
	 * Database receives
	 * @param submitted whether the statement goes to the Transparency Database (its scope
	 * names an EEA country)
	 * @param sentences the statement in plain sentences, in the order of the statement's
	 * fields, the reference left to the caller
	 */
	record CustomerStatement(String puid, boolean submitted, List<String> sentences) {

		public CustomerStatement {
			sentences = List.copyOf(sentences);
		}

		/** The reference as a sentence. */
		public String reference() {
			return "Reference: " + this.puid + (this.submitted ? SUBMITTED : ".");
		}

		static final String SUBMITTED = " (we submit this statement, without your name or any address, to the EU's "
				+ "DSA Transparency Database).";

	}

}

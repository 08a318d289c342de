package org.abusedesk.policy;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.abusedesk.vocabulary.Seconds;

/**
 * A mitigation a plan proposes. Proposing is not acting: a mitigation takes effect only
 * through the review the plan asks for. On the wire its durations are whole seconds
 * ({@code effective_after_seconds}, ...; ADR 0014).
 *
 * @param type what to do
 * @param entityType the kind of thing it applies to; the thing itself (the reported URLs,
 * the zone, the account) is known when it is recorded
 * @param territorialScope ISO 3166 codes the mitigation is limited to; empty means
 * everywhere
 * @param effectiveAfter delay between approval and effect (the customer's grace period);
 * {@link Duration#ZERO} for immediate effect
 * @param expiresAfter how long after taking effect it lapses unless renewed, or
 * {@code null} when it does not expire
 * @param reviewAfter when after taking effect a person must look at it again, or
 * {@code null}
 */
public record ProposedMitigation(MitigationType type, EntityType entityType, List<String> territorialScope,
		@JsonProperty("effective_after_seconds") @Seconds Duration effectiveAfter,
		@JsonProperty("expires_after_seconds") @Seconds Duration expiresAfter,
		@JsonProperty("review_after_seconds") @Seconds Duration reviewAfter) {

	public ProposedMitigation {
		territorialScope = List.copyOf(territorialScope);
	}

}

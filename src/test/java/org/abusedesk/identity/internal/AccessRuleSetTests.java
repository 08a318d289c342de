package org.abusedesk.identity.internal;

import java.util.List;

import org.abusedesk.access.Access;
import org.abusedesk.access.AccessRules;
import org.abusedesk.access.Role;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AccessRuleSetTests {

	@Test
	void twoModulesClaimingOneRequestStopTheDeskFromStarting() {
		AccessRules cases = new Cases();
		AccessRules referrals = new Referrals();
		assertThatIllegalStateException()
			.isThrownBy(() -> AccessRuleSet.of(List.of(cases, referrals), AccessRules::api))
			.withMessage("POST /api/v1/cases/*/referrals has a rule in both Cases and Referrals");
	}

	@Test
	void theSameRequestWithAnotherMethodIsAnotherRule() {
		AccessRules cases = new Cases();
		AccessRules reads = new AccessRules() {
			@Override
			public List<Access> api() {
				return List.of(Access.only(Access.STAFF, HttpMethod.GET, "/api/v1/cases/*/referrals"));
			}
		};
		assertThat(AccessRuleSet.of(List.of(cases, reads), AccessRules::api).rules()).hasSize(2);
	}

	@Test
	void aClosedRuleNamesARoleAndEveryRuleAPath() {
		assertThatIllegalArgumentException().isThrownBy(() -> Access.only(java.util.Set.of(), HttpMethod.GET, "/x"));
		assertThatIllegalArgumentException().isThrownBy(() -> Access.anyone(HttpMethod.GET));
	}

	@Test
	void rolesAreTheirWireNamesInOrder() {
		assertThat(Access.only(Access.DECIDERS, HttpMethod.POST, "/x").roleNames()).containsExactly("admin", "legal",
				"reviewer", "senior");
	}

	static class Cases implements AccessRules {

		@Override
		public List<Access> api() {
			return List.of(Access.only(Role.REVIEWER, HttpMethod.POST, "/api/v1/cases/*/referrals"));
		}

	}

	static class Referrals implements AccessRules {

		@Override
		public List<Access> api() {
			return List.of(Access.only(Access.DECIDERS, HttpMethod.POST, "/api/v1/cases/*/referrals"));
		}

	}

}

package org.abusedesk.mitigations;

import org.abusedesk.DeskTest;
import java.util.List;

import org.abusedesk.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, "Every decision keeps its promise": a legal order's territorial scope lies
 * within the issuing authority's jurisdiction (a national authority its own country, an
 * authority of the Union its member states), checked when the order is filed over HTTP.
 */
class LegalOrderScopeTests extends DeskTest {

	private static final List<String> MEMBER_STATES = List.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES",
			"FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

	/**
	 * A German court's order scoped to Austria, an order of the Union scoped beyond it.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					Landgericht Berlin  | DE | ["DE", "AT"]       | An order of an authority in DE covers only DE; AT is outside its jurisdiction.
					European Commission | EU | ["FR", "CH", "NO"] | An order of an authority of the European Union covers only its member states; CH, NO are outside its jurisdiction.
					""")
	void anOrderScopedBeyondItsAuthoritysJurisdictionIsRefused(String authority, String jurisdiction, String scope,
			String message) {
		Api.Response refused = file(authority, jurisdiction, scope);

		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.json().get("errors")).singleElement().satisfies((error) -> {
			assertThat(error.get("field").asString()).isEqualTo("territorial_scope");
			assertThat(error.get("code").asString()).isEqualTo("outside_jurisdiction");
			assertThat(error.get("message").asString()).isEqualTo(message);
		});
		assertThat(reportsFrom()).isZero();
	}

	@Test
	void germanCourtOrderScopedToTheEuIsRefused() {
		Api.Response refused = file("Landgericht Berlin", "DE", "[\"EU\"]");

		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("territorial_scope");
		assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("outside_jurisdiction");
		assertThat(refused.json().at("/errors/0/message").asString()).contains("AT, BE, BG")
			.contains("GR")
			.doesNotContain("DE,")
			.endsWith("are outside its jurisdiction.");
	}

	@Test
	void germanCourtOrderScopedToGermanyIsAccepted() {
		Api.Response created = file("Landgericht Berlin", "DE", "[\"DE\"]");

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(scopeOf(created.json())).containsExactly("DE");
	}

	@Test
	void euOrderScopedToEuExpandsToMemberStates() {
		Api.Response created = file("European Commission", "eu", "[\"EU\"]");

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(scopeOf(created.json())).containsExactlyElementsOf(MEMBER_STATES).hasSize(27).contains("GR");
		assertThat(queryOne(String.class, "select details ->> 'jurisdiction' from report where id = ?",
				created.json().get("id").asLong()))
			.isEqualTo("EU");
	}

	private Api.Response file(String authority, String jurisdiction, String scope) {
		String pdf = java.util.Base64.getEncoder()
			.encodeToString(
					"%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		return this.api.post("/api/v1/reports/legal_order",
				"""
						{"reporter": {"name": "Court Clerk", "email": "%s", "kind": "individual"},
						 "urls": ["https://blog.%s/ordered.html"], "justification": "The authority ordered this page blocked.",
						 "notify": {"host": "send", "owner": "send"}, "good_faith": true,
						 "issuing_authority": "%s", "jurisdiction": "%s", "legal_basis": "The applicable law",
						 "order_reference": "27 O 123/26", "territorial_scope": %s,
						 "document": {"filename": "order.pdf", "content_type": "application/pdf", "data_base64": "%s"}}"""
					.formatted(this.catalog.reporter(), this.catalog.hostedZone(), authority, jurisdiction, scope, pdf),
				null);
	}

	private List<String> scopeOf(JsonNode receipt) {
		return queryList(String.class,
				"select jsonb_array_elements_text(details -> 'territorial_scope') from report where id = ?",
				receipt.get("id").asLong());
	}

	private int reportsFrom() {
		return queryOne(Integer.class, "select count(*) from report where reporter_email = ?", this.catalog.reporter());
	}

}

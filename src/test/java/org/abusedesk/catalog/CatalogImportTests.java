package org.abusedesk.catalog;

import java.util.List;
import java.util.UUID;

import org.abusedesk.IntegrationTest;
import org.abusedesk.problems.FieldError;
import org.abusedesk.problems.InvalidInputException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class CatalogImportTests extends IntegrationTest {

	@Autowired
	private CatalogImport catalogImport;

	@Autowired
	private Resolver resolver;

	@Autowired
	private JdbcClient jdbc;

	/** Unique per test: the tests share one database. */
	private final String id = UUID.randomUUID().toString().substring(0, 8);

	private String account(String ref, String properties) {
		return """
				{"ref": "%s", "name": "Customer %s", "abuse_contact": "abuse@%s.example", "escalation_contact": null,
				 "at_risk": false, "status": "active", "properties": [%s]}""".formatted(ref, ref, ref, properties);
	}

	private static String document(String... accounts) {
		return "{\"accounts\": [" + String.join(",", accounts) + "]}";
	}

	private long revision() {
		return this.jdbc.sql("select revision from catalog_revision").query(Long.class).single();
	}

	@Test
	void appliesAndTheResolverSeesItAtOnce() {
		String zone = "shop-" + this.id + ".example";
		CatalogImport.Result result = this.catalogImport.apply(document(account("a-" + this.id, """
				{"zone": "%s", "services": ["proxy"], "origin": {"address": "203.0.113.10",
				 "host_name": "Origin Host", "host_abuse_contact": "abuse@origin.example"}},
				{"hostname": "WWW.%s.", "services": ["hosting", "dns"]}""".formatted(zone, zone))));

		assertThat(result.accountsApplied()).isEqualTo(1);
		assertThat(result.propertiesApplied()).isEqualTo(2);
		assertThat(result.rejected()).isEmpty();
		Resolution cart = this.resolver.resolve("https://cart." + zone + "/x");
		assertThat(cart.account().ref()).isEqualTo("a-" + this.id);
		assertThat(cart.account().abuseContact()).isEqualTo("abuse@a-" + this.id + ".example");
		assertThat(cart.property()).isEqualTo(zone);
		assertThat(cart.origin()).isEqualTo(new Origin("203.0.113.10", "Origin Host", "abuse@origin.example"));
		Resolution www = this.resolver.resolve("www." + zone);
		assertThat(www.propertyKind()).isEqualTo("hostname");
		assertThat(www.services()).containsExactly(Service.HOSTING, Service.DNS);
	}

	@Test
	void applyingTheSameDocumentTwiceChangesNothingTheSecondTime() {
		String json = document(account("idem-" + this.id, """
				{"zone": "idem-%1$s.example", "services": ["registrar", "dns"]},
				{"prefix": "10.%2$d.0.0/16", "services": ["hosting"]}""".formatted(this.id,
				Math.abs(this.id.hashCode() % 250))));
		this.catalogImport.apply(json);
		long revision = revision();
		String updatedAt = this.jdbc.sql("select updated_at::text from account where ref = ?")
			.param("idem-" + this.id)
			.query(String.class)
			.single();

		CatalogImport.Result again = this.catalogImport.apply(json);

		assertThat(again.accountsApplied()).isEqualTo(1);
		assertThat(again.propertiesApplied()).isEqualTo(2);
		assertThat(revision()).isEqualTo(revision);
		assertThat(this.jdbc.sql("select updated_at::text from account where ref = ?")
			.param("idem-" + this.id)
			.query(String.class)
			.single()).isEqualTo(updatedAt);
	}

	@Test
	void anAccountsPropertySetBecomesExactlyTheListedOne() {
		String ref = "set-" + this.id;
		this.catalogImport.apply(document(account(ref, """
				{"zone": "one-%1$s.example", "services": ["hosting"]},
				{"zone": "two-%1$s.example", "services": ["hosting"]}""".formatted(this.id))));

		this.catalogImport.apply(document(account(ref, """
				{"zone": "two-%1$s.example", "services": ["dns"]},
				{"zone": "three-%1$s.example", "services": ["hosting"]}""".formatted(this.id))));

		assertThat(this.resolver.resolve("one-" + this.id + ".example").ours()).isFalse();
		assertThat(this.resolver.resolve("two-" + this.id + ".example").services()).containsExactly(Service.DNS);
		assertThat(this.resolver.resolve("three-" + this.id + ".example").ours()).isTrue();
	}

	@Test
	void rejectsInvalidEntriesOneByOneAndAppliesTheRest() {
		String good = account("good-" + this.id,
				"{\"zone\": \"good-" + this.id + ".example\", \"services\": [\"dns\"]}");
		String bad = """
				{"ref": "bad-%1$s", "name": "", "abuse_contact": "not-an-email", "at_risk": "no", "status": "gone",
				 "colour": "red", "properties": [
				   {"zone": "bad-%1$s.example", "services": ["hosting", "teleport"]},
				   {"zone": "a.example", "hostname": "b.example", "services": ["dns"]},
				   {"prefix": "198.51.100.7/24", "services": ["hosting"]},
				   {"hostname": "https://x.example/", "services": ["hosting"]},
				   {"zone": "o-%1$s.example", "services": ["hosting"], "origin": {"address": "203.0.113.1"}},
				   {"services": ["dns"]}
				 ]}""".formatted(this.id);

		CatalogImport.Result result = this.catalogImport.apply(document(good, bad));

		assertThat(result.accountsApplied()).isEqualTo(1);
		assertThat(result.rejected()).singleElement().satisfies((rejected) -> {
			assertThat(rejected.index()).isEqualTo(1);
			assertThat(rejected.ref()).isEqualTo("bad-" + this.id);
			assertThat(rejected.errors()).extracting(FieldError::field, FieldError::code)
				.containsExactlyInAnyOrder(tuple("accounts[1].colour", "unknown_field"),
						tuple("accounts[1].name", "required"), tuple("accounts[1].abuse_contact", "invalid"),
						tuple("accounts[1].at_risk", "invalid"), tuple("accounts[1].status", "invalid"),
						tuple("accounts[1].properties[0].services[1]", "unknown_service"),
						tuple("accounts[1].properties[1]", "invalid"),
						tuple("accounts[1].properties[2].prefix", "invalid"),
						tuple("accounts[1].properties[3].hostname", "invalid"),
						tuple("accounts[1].properties[4].origin", "not_applicable"),
						tuple("accounts[1].properties[5]", "required"));
		});
		assertThat(this.resolver.resolve("good-" + this.id + ".example").ours()).isTrue();
		assertThat(this.resolver.resolve("bad-" + this.id + ".example").ours()).isFalse();
		assertThat(this.jdbc.sql("select count(*) from account where ref = ?")
			.param("bad-" + this.id)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aPropertyOfAnotherAccountIsAConflict() {
		String zone = "owned-" + this.id + ".example";
		this.catalogImport
			.apply(document(account("owner-" + this.id, "{\"zone\": \"" + zone + "\", \"services\": [\"hosting\"]}")));

		CatalogImport.Result result = this.catalogImport.apply(document(
				account("thief-" + this.id, "{\"zone\": \"" + zone.toUpperCase() + "\", \"services\": [\"proxy\"]}")));

		assertThat(result.accountsApplied()).isZero();
		assertThat(result.rejected()).singleElement()
			.satisfies((rejected) -> assertThat(rejected.errors()).extracting(FieldError::field, FieldError::code)
				.containsExactly(tuple("accounts[0].properties[0].zone", "conflict")));
		assertThat(this.resolver.resolve(zone).account().ref()).isEqualTo("owner-" + this.id);
	}

	@Test
	void aPropertyMovesWhenTheDocumentAlsoReleasesIt() {
		String zone = "moving-" + this.id + ".example";
		this.catalogImport
			.apply(document(account("from-" + this.id, "{\"zone\": \"" + zone + "\", \"services\": [\"hosting\"]}")));

		CatalogImport.Result result = this.catalogImport
			.apply(document(account("to-" + this.id, "{\"zone\": \"" + zone + "\", \"services\": [\"hosting\"]}"),
					account("from-" + this.id, "")));

		assertThat(result.rejected()).isEmpty();
		assertThat(this.resolver.resolve(zone).account().ref()).isEqualTo("to-" + this.id);
	}

	@Test
	void theDocumentMustNotContradictItself() {
		String zone = "twice-" + this.id + ".example";
		CatalogImport.Result result = this.catalogImport
			.apply(document(account("first-" + this.id, "{\"zone\": \"" + zone + "\", \"services\": [\"hosting\"]}"),
					account("second-" + this.id, "{\"zone\": \"" + zone + "\", \"services\": [\"hosting\"]}"),
					account("first-" + this.id, "")));

		assertThat(result.accountsApplied()).isEqualTo(1);
		assertThat(result.rejected())
			.extracting(CatalogImport.RejectedEntry::index, (rejected) -> rejected.errors().get(0).field(),
					(rejected) -> rejected.errors().get(0).code())
			.containsExactly(tuple(1, "accounts[1].properties[0].zone", "conflict"),
					tuple(2, "accounts[2].ref", "conflict"));
	}

	@Test
	void anUnreadableDocumentIsInvalidInput() {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.catalogImport.apply("{nope"));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.catalogImport.apply("[]"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.catalogImport.apply("{\"accounts\": {}}"))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field, FieldError::code)
				.containsExactly(tuple("accounts", "invalid")));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.catalogImport.apply("{\"acounts\": []}"))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::code)
				.containsExactly("required", "unknown_field"));
	}

	@Test
	void theDemoCatalogIsValid() throws Exception {
		String demo = new String(getClass().getResourceAsStream("/demo-catalog.json").readAllBytes());
		CatalogImport.Result result = this.catalogImport.apply(demo);
		assertThat(result.rejected()).isEmpty();
		assertThat(result.accountsApplied()).isEqualTo(4);
		assertThat(result.propertiesApplied()).isEqualTo(6);
		assertThat(this.resolver.resolve("https://www.ngo.example/").account().atRisk()).isTrue();
		assertThat(this.resolver.resolve("2001:db8:100:1::5").account().name()).isEqualTo("Demo Hosting Customer");
		assertThat(this.resolver.resolve("a.proxied.example").origin().address()).isEqualTo("203.0.113.10");
		assertThat(this.resolver.resolve("registered.example").services())
			.isEqualTo(java.util.EnumSet.of(Service.REGISTRAR, Service.DNS));
		assertThat(List.of(this.catalogImport.apply(demo).rejected())).containsExactly(List.of());
	}

}

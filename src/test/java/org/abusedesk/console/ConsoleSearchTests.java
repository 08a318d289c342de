package org.abusedesk.console;

import org.abusedesk.DeskTest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.abusedesk.Api;
import org.abusedesk.ConsoleSession;
import org.abusedesk.cases.Actor;
import org.abusedesk.cases.CaseWork;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffAccounts;
import org.abusedesk.intake.DenialReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, search in the console: each place a search looks (tracking code, URL, host,
 * IP address, account, reporter email, text) finds exactly the case the text is in,
 * closed cases too when asked, in the order asked; a reporter's email only for roles that
 * see reporters; saved searches are each user's own.
 */
class ConsoleSearchTests extends DeskTest {

	private static final Pattern RESULT = Pattern.compile("<tr data-case=\"(\\d+)\"");

	@Autowired
	private StaffAccounts accounts;

	@Autowired
	private CaseWork work;

	/** A word in the hosted report's text and nowhere else. */
	private String word;

	/** An address in the hosted report and nowhere else. */
	private String address;

	private String hostedCode;

	private long hosted;

	private long proxied;

	@BeforeEach
	void twoCases() {
		this.word = "zq" + this.catalog.id();
		String hex = UUID.randomUUID().toString();
		this.address = "2001:db8:" + hex.substring(0, 4) + ":" + hex.substring(4, 8) + "::17";
		String hostedReport = """
				{"reporter": {"name": "Rita Reporter", "email": "%s", "kind": "individual"},
				 "urls": ["https://blog.%s/login.php", "https://blog.%s/pay.php"], "ips": ["%s"],
				 "justification": "A fake bank login page harvesting passwords, marker %s.",
				 "notify": {"host": "send", "owner": "send"}, "good_faith": true}""".formatted(this.catalog.reporter(),
				this.catalog.hostedZone(), this.catalog.hostedZone(), this.address, this.word);
		Api.Response first = this.api.post("/api/v1/reports/general", hostedReport, null);
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		this.hostedCode = first.json().get("tracking_code").asString();
		this.hosted = caseOf(first.json().get("id").asLong());
		Api.Response second = this.api.post("/api/v1/reports/phishing",
				this.catalog.report("www." + this.catalog.proxiedZone(), "send", "send"), null);
		assertThat(second.status()).as(second.body()).isEqualTo(201);
		this.proxied = caseOf(second.json().get("id").asLong());
	}

	@Test
	void eachPlaceASearchLooksFindsTheCaseTheTextIsIn() {
		ConsoleSession reviewer = session(Role.REVIEWER);
		assertThat(found(reviewer, "q=" + this.hostedCode)).containsExactly(this.hosted);
		assertThat(found(reviewer, "field=tracking_code&q=" + this.hostedCode.toLowerCase()))
			.containsExactly(this.hosted);
		assertThat(found(reviewer, "field=url&q=" + enc("blog." + this.catalog.hostedZone() + "/pay")))
			.containsExactly(this.hosted);
		assertThat(found(reviewer, "field=host&q=" + this.catalog.proxiedZone())).containsExactly(this.proxied);
		assertThat(found(reviewer, "q=" + enc(this.address))).containsExactly(this.hosted);
		assertThat(found(reviewer, "field=ip&q=" + enc(this.address))).containsExactly(this.hosted);
		assertThat(found(reviewer, "field=account&q=hosting-" + this.catalog.id())).containsExactly(this.hosted);
		assertThat(found(reviewer, "field=text&q=" + this.word)).containsExactly(this.hosted);
		assertThat(found(reviewer, "q=" + this.word)).containsExactly(this.hosted);
		// the text is searched as words, not as a substring of the URLs
		assertThat(found(reviewer, "field=text&q=" + this.catalog.hostedZone())).isEmpty();
	}

	@Test
	void anAddressSpelledWithLeadingZerosFindsTheCaseItsCanonicalFormIsStoredIn() {
		// found by CI: the random address had a group with a leading zero, intake stored
		// it canonical and the search compared the spelling
		String hex = UUID.randomUUID().toString();
		String spelled = "2001:0db8:0" + hex.substring(0, 3) + ":0000:0000::" + hex.substring(4, 8);
		String report = """
				{"reporter": {"name": "Rita Reporter", "email": "%s", "kind": "individual"},
				 "urls": ["https://shop.%s/"], "ips": ["%s"], "justification": "A fake shop.",
				 "notify": {"host": "send", "owner": "send"}, "good_faith": true}""".formatted(this.catalog.reporter(),
				this.catalog.hostedZone(), spelled);
		Api.Response filed = this.api.post("/api/v1/reports/general", report, null);
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		long scanned = caseOf(filed.json().get("id").asLong());
		ConsoleSession reviewer = session(Role.REVIEWER);
		assertThat(found(reviewer, "q=" + enc(spelled))).containsExactly(scanned);
		assertThat(found(reviewer, "field=ip&q=" + enc(spelled.toUpperCase()))).containsExactly(scanned);
	}

	@Test
	void onlyRolesThatSeeReportersFindCasesByTheReportersEmail() {
		ConsoleSession reviewer = session(Role.REVIEWER);
		String email = enc(this.catalog.reporter());
		assertThat(found(reviewer, "q=" + email)).isEmpty();
		String refused = reviewer.get("/console/search?field=reporter_email&q=" + email).body();
		assertThat(refused).contains("Your role does not see reporters, so it cannot search by their email.")
			.doesNotContain("value=\"reporter_email\"");

		ConsoleSession senior = session(Role.SENIOR);
		assertThat(found(senior, "sort=oldest&q=" + email)).containsExactly(this.hosted, this.proxied);
		assertThat(found(senior, "field=reporter_email&q=" + enc(this.catalog.reporter().toUpperCase())))
			.containsExactly(this.proxied, this.hosted);
		assertThat(senior.get("/console/search").body()).contains("value=\"reporter_email\"");
	}

	@Test
	void closedCasesAreFoundWhenAskedFor() {
		ConsoleSession reviewer = session(Role.REVIEWER);
		this.work.deny(this.hosted, new Actor("denier-" + this.catalog.id(), Role.REVIEWER),
				DenialReason.NO_ABUSE_FOUND, "nothing there");
		String host = "field=host&q=" + this.catalog.hostedZone();
		assertThat(found(reviewer, host + "&status=open")).isEmpty();
		assertThat(found(reviewer, host + "&status=closed")).containsExactly(this.hosted);
		assertThat(found(reviewer, host + "&status=rejected")).containsExactly(this.hosted);
		assertThat(found(reviewer, host)).containsExactly(this.hosted);
		String page = reviewer.get("/console/search?" + host).body();
		assertThat(page).contains("data-status=\"rejected\">Rejected</span>");
		// the queue's own status filter reaches closed cases too
		assertThat(reviewer.get("/console?status=rejected&sort=newest").body())
			.contains("data-case=\"" + this.hosted + "\"")
			.contains("<option value=\"rejected\" selected=\"selected\">Rejected</option>");
	}

	@Test
	void searchesSortAndFilter() {
		ConsoleSession reviewer = session(Role.REVIEWER);
		String both = "field=host&q=" + this.catalog.id();
		assertThat(found(reviewer, both + "&sort=oldest")).containsExactly(this.hosted, this.proxied);
		assertThat(found(reviewer, both + "&sort=newest")).containsExactly(this.proxied, this.hosted);
		assertThat(found(reviewer, both + "&service=proxy")).containsExactly(this.proxied);
		assertThat(found(reviewer, both + "&type=general")).containsExactly(this.hosted);
		assertThat(found(reviewer, both + "&type=dmca")).isEmpty();
	}

	@Test
	void savedSearchesAreEachUsersOwn() {
		ConsoleSession reviewer = session(Role.REVIEWER);
		Api.Response saved = reviewer.post("/console/searches", Map.of("name", "my hosted " + this.catalog.id(), "q",
				this.catalog.hostedZone(), "field", "host", "status", "all", "sort", "newest"));
		assertThat(saved.status()).isEqualTo(302);
		URI back = URI.create(saved.headers().firstValue("Location").orElseThrow());
		assertThat(back.getPath()).isEqualTo("/console/search");
		String page = reviewer.get(back.getRawPath() + "?" + back.getRawQuery()).body();
		assertThat(page).contains("Saved the search &quot;my hosted " + this.catalog.id() + "&quot;.")
			.contains("data-saved=\"my hosted " + this.catalog.id() + "\"");
		Matcher link = Pattern.compile("data-saved=\"my hosted [^\"]+\"><a href=\"([^\"]+)\"").matcher(page);
		assertThat(link.find()).isTrue();
		String query = link.group(1).replace("&amp;", "&");
		assertThat(found(reviewer, query.substring(query.indexOf('?') + 1))).containsExactly(this.hosted);

		ConsoleSession other = session(Role.REVIEWER);
		assertThat(other.get("/console/search").body()).doesNotContain("my hosted " + this.catalog.id());
		Matcher delete = Pattern.compile("/console/searches/(\\d+)/delete").matcher(page);
		assertThat(delete.find()).isTrue();
		String path = "/console/searches/" + delete.group(1) + "/delete";
		other.post(path, Map.of());
		assertThat(reviewer.get("/console/search").body()).contains("my hosted " + this.catalog.id());
		reviewer.post(path, Map.of());
		assertThat(reviewer.get("/console/search").body()).doesNotContain("my hosted " + this.catalog.id());
	}

	@Test
	void searchesThatCannotRunSayWhy() {
		ConsoleSession reviewer = session(Role.REVIEWER);
		assertThat(reviewer.get("/console/search?q=" + "x".repeat(201)).body())
			.contains("Search for at most 200 characters.");
		assertThat(reviewer.get("/console/search?field=url&q=ab").body())
			.contains("Search a URL or host with at least 3 characters.");
		assertThat(reviewer.get("/console/search?q=x&page=20").body())
			.contains("Search shows the first 1000 cases; narrow it down with the filters.");
		// LIKE's wildcards are text like any other
		Api.Response wild = reviewer.get("/console/search?field=url&q=" + enc("%_%"));
		assertThat(wild.status()).isEqualTo(200);
		assertThat(cases(wild.body())).isEmpty();
		assertThat(reviewer.get("/console/search?status=nonsense").body()).contains("No case status nonsense");
		assertThat(reviewer.get("/console?status=nonsense").body()).contains("No case status nonsense; one of: new,")
			.doesNotContain("data-case=\"");
	}

	private ConsoleSession session(Role role) {
		return ConsoleSession.newStaff(this.port, this.accounts, role.wire() + "-search-" + UUID.randomUUID(), role);
	}

	private static List<Long> found(ConsoleSession session, String query) {
		Api.Response page = session.get("/console/search?" + query);
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("role=\"alert\"");
		return cases(page.body());
	}

	private static List<Long> cases(String html) {
		List<Long> ids = new ArrayList<>();
		Matcher matcher = RESULT.matcher(html);
		while (matcher.find()) {
			ids.add(Long.parseLong(matcher.group(1)));
		}
		return ids;
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}

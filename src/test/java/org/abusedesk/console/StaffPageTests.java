package org.abusedesk.console;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.abusedesk.Api;
import org.abusedesk.ConsoleSession;
import org.abusedesk.IntegrationTest;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.abusedesk.ConsoleSession.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, "staff accounts for real": the admins' staff page, driven over HTTP as a
 * browser does (session, CSRF token, post/redirect/get), and the result used: the new
 * user signs in, the token calls the API.
 */
class StaffPageTests extends IntegrationTest {

	private static final Pattern TOKEN = Pattern.compile("<code id=\"issued-token\">([^<]+)</code>");

	@Autowired
	private StaffAccounts accounts;

	@Autowired
	private AuditLog audit;

	private ConsoleSession admin() {
		return ConsoleSession.newStaff(this.port, this.accounts, "admin-page-" + UUID.randomUUID(), Role.ADMIN);
	}

	private static String page(ConsoleSession session, Api.Response redirect) {
		assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
		URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
		assertThat(location.getPath()).isEqualTo("/console/staff");
		Api.Response page = session.get(location.getRawPath() + "?" + location.getRawQuery());
		assertThat(page.status()).isEqualTo(200);
		return page.body();
	}

	/** The admin adds {@code name} as {@code role} on the page: the new user's id. */
	private long added(ConsoleSession admin, String name, String role) {
		page(admin, admin.post("/console/staff", Map.of("name", name, "role", role, "password", PASSWORD)));
		return this.accounts.find(name).orElseThrow().id();
	}

	private static String q(String name) {
		return "/console/staff?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
	}

	@Test
	void anAdminAddsAUserWhoThenSignsIn() {
		ConsoleSession admin = admin();
		String name = "agent-page-" + UUID.randomUUID();

		String page = page(admin,
				admin.post("/console/staff", Map.of("name", name, "role", "agent", "password", "the new agent's pw")));

		assertThat(page).contains(name + " added as agent.").contains("data-staff=\"" + name + "\"");
		ConsoleSession agent = new ConsoleSession(this.port).signIn(name, "the new agent's pw");
		assertThat(agent.get("/console").status()).isEqualTo(200);
		assertThat(admin.get(q(name)).body()).doesNotContain("never</td>");
		assertThat(this.audit.entries("staff_user:" + name)).singleElement().satisfies((entry) -> {
			assertThat(entry.action()).isEqualTo("staff_user.added");
			assertThat(entry.actor()).startsWith("staff:admin-page-");
		});
	}

	@Test
	void aNonAdminIsRefused() {
		for (Role role : new Role[] { Role.AGENT, Role.REVIEWER, Role.SENIOR, Role.LEGAL }) {
			ConsoleSession session = ConsoleSession.newStaff(this.port, this.accounts,
					role.wire() + "-page-" + UUID.randomUUID(), role);
			assertThat(session.get("/console/staff").status()).as(role.wire()).isEqualTo(403);
			assertThat(session
				.post("/console/staff",
						Map.of("name", "sneaky-" + UUID.randomUUID(), "role", "admin", "password", "sneaky password!"))
				.status()).as(role.wire()).isEqualTo(403);
			assertThat(session.get("/console").body()).doesNotContain("/console/staff");
		}
		assertThat(new ConsoleSession(this.port).get("/console/staff").status()).isEqualTo(302);
	}

	@Test
	void aTokenIsShownOnceWorksAndIsRevoked() {
		ConsoleSession admin = admin();
		String name = "reviewer-page-" + UUID.randomUUID();
		long id = added(admin, name, "reviewer");

		String issued = page(admin,
				admin.post("/console/staff/" + id + "/tokens", Map.of("label", "ci runner", "expires_days", "90")));

		Matcher matcher = TOKEN.matcher(issued);
		assertThat(matcher.find()).as(issued).isTrue();
		String token = matcher.group(1);
		assertThat(issued).contains("ci runner").contains("(live, expires");
		Api api = api();
		assertThat(api.get("/api/v1/cases", token).status()).isEqualTo(200);
		String again = admin.get(q(name)).body();
		assertThat(again).contains("ci runner").doesNotContain(token).doesNotContain("issued-token");

		long tokenId = this.accounts.find(name).orElseThrow().tokens().get(0).id();
		String revoked = page(admin,
				admin.post("/console/staff/tokens/" + tokenId + "/revoke", Map.of("holder", name)));
		assertThat(revoked).contains("Token " + tokenId + " is revoked.").doesNotContain("ci runner");
		assertThat(api.get("/api/v1/cases", token).status()).isEqualTo(401);
		assertThat(page(admin, admin.post("/console/staff/tokens/" + tokenId + "/revoke", Map.of("holder", name))))
			.contains("No live staff token " + tokenId);
	}

	@Test
	void disableEnableAndResetPassword() {
		ConsoleSession admin = admin();
		String name = "senior-page-" + UUID.randomUUID();
		long id = added(admin, name, "senior");
		ConsoleSession senior = new ConsoleSession(this.port).signIn(name, PASSWORD);

		String disabled = page(admin, admin.post("/console/staff/" + id + "/disable", Map.of()));

		assertThat(disabled).contains(name + " is disabled").contains("disabled</span>");
		assertThat(senior.get("/console").status()).isEqualTo(302);
		assertThat(signsIn(name, PASSWORD)).isFalse();

		page(admin, admin.post("/console/staff/" + id + "/enable", Map.of()));
		ConsoleSession again = new ConsoleSession(this.port).signIn(name, PASSWORD);
		assertThat(again.get("/console").status()).isEqualTo(200);
		String reset = page(admin,
				admin.post("/console/staff/" + id + "/password", Map.of("password", "a fresh password")));
		assertThat(reset).contains("The password of " + name + " is set.");
		assertThat(again.get("/console").status()).isEqualTo(302);
		assertThat(admin.get("/console/staff").status()).isEqualTo(200);
		assertThat(signsIn(name, PASSWORD)).isFalse();
		assertThat(signsIn(name, "a fresh password")).isTrue();
		assertThat(this.audit.entries("staff_user:" + name)).extracting(AuditLog.Entry::action)
			.containsExactly("staff_user.added", "staff_user.disabled", "staff_user.enabled",
					"staff_user.password_set");
	}

	@Test
	void badInputIsAMessageOnThePageNeverAServerError() {
		ConsoleSession admin = admin();
		String name = "page-bad-" + UUID.randomUUID();
		assertThat(
				page(admin, admin.post("/console/staff", Map.of("name", name, "role", "agent", "password", "short"))))
			.contains("at least 12 characters");
		assertThat(
				page(admin, admin.post("/console/staff", Map.of("name", name, "role", "boss", "password", PASSWORD))))
			.contains("Choose one of the roles.");
		assertThat(
				page(admin, admin.post("/console/staff", Map.of("name", name, "role", "edge", "password", PASSWORD))))
			.contains("edge is not a person");
		assertThat(page(admin, admin.post("/console/staff", Map.of("role", "agent")))).contains("letters, digits");
		assertThat(this.accounts.find(name)).isEmpty();

		long id = added(admin, name, "agent");
		assertThat(
				page(admin, admin.post("/console/staff", Map.of("name", name, "role", "agent", "password", PASSWORD))))
			.contains("exists already");
		assertThat(
				page(admin, admin.post("/console/staff/" + id + "/tokens", Map.of("label", "x", "expires_days", "0"))))
			.contains("1 to 3650 days");
		assertThat(page(admin,
				admin.post("/console/staff/" + id + "/tokens", Map.of("label", "x", "expires_days", "soon"))))
			.contains("1 to 3650 days");
		assertThat(page(admin, admin.post("/console/staff/" + id + "/tokens", Map.of("label", " "))))
			.contains("Say what the token is for");
		assertThat(page(admin, admin.post("/console/staff/" + id + "/password", Map.of("password", "tiny"))))
			.contains("at least 12 characters");
		assertThat(admin.post("/console/staff/999999999/disable", Map.of()).status()).isEqualTo(404);
		assertThat(admin.postWithoutToken("/console/staff/" + id + "/disable", Map.of()).status()).isEqualTo(403);
		assertThat(this.accounts.find(name).orElseThrow().disabled()).isFalse();
		assertThat(admin.get("/console/staff?q=%3Cscript%3E").body()).doesNotContain("<script>")
			.contains("&lt;script&gt;");
	}

	@Test
	void anAdminCannotDisableThemself() {
		String name = "admin-self-" + UUID.randomUUID();
		ConsoleSession admin = ConsoleSession.newStaff(this.port, this.accounts, name, Role.ADMIN);
		long id = this.accounts.find(name).orElseThrow().id();

		assertThat(page(admin, admin.post("/console/staff/" + id + "/disable", Map.of())))
			.contains("You cannot disable yourself");
		assertThat(admin.get("/console/staff").status()).isEqualTo(200);
	}

	@Test
	void theStaffPageSendsTheStrictContentSecurityPolicy() {
		Api.Response page = admin().get("/console/staff");
		assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'")
			.contains("style-src 'self'")
			.doesNotContain("unsafe-inline");
		assertThat(page.body()).doesNotContain("style=").doesNotContain("<script>").doesNotContain("onclick");
		assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
	}

	private boolean signsIn(String name, String password) {
		Api.Response response = new ConsoleSession(this.port).post("/login",
				Map.of("username", name, "password", password));
		return response.status() == 302 && response.headers().firstValue("Location").orElse("").endsWith("/console");
	}

}

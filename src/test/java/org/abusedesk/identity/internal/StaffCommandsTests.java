package org.abusedesk.identity.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.abusedesk.Api;
import org.abusedesk.CommandRun;
import org.abusedesk.ConsoleSession;
import org.abusedesk.IntegrationTest;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, "staff accounts for real": {@code abusedesk staff ...} run against the
 * application's database, and the result used the way staff use it: signing in to the
 * console, calling the API with the token.
 */
class StaffCommandsTests extends IntegrationTest {

	private static final String PASSWORD = "a long cli password";

	@Autowired
	private StaffAccounts accounts;

	@Autowired
	private AuditLog audit;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ApplicationContext context;

	private CommandRun staff(String stdin, String... arguments) {
		return CommandRun.run(this.context, stdin, arguments);
	}

	private static String unique(String role) {
		return role + "-cli-" + UUID.randomUUID();
	}

	@Test
	void aUserAddedOnTheCommandLineSignsInToTheConsole() {
		String name = unique("reviewer");
		CommandRun added = staff(PASSWORD + "\n", "staff", "add", name, "--role", "reviewer", "--password-stdin");

		assertThat(added.exit()).as(added.err()).isZero();
		assertThat(added.out()).isEqualTo("staff user " + name + " added (role reviewer)\n");
		assertThat(added.out() + added.err()).doesNotContain(PASSWORD);
		ConsoleSession session = new ConsoleSession(this.port).signIn(name, PASSWORD);
		assertThat(session.get("/console").body()).contains(name).contains("reviewer");
		assertThat(this.audit.entries("staff_user:" + name)).singleElement().satisfies((entry) -> {
			assertThat(entry.actor()).isEqualTo("cli");
			assertThat(entry.action()).isEqualTo("staff_user.added");
			assertThat(entry.details()).contains("reviewer").doesNotContain(PASSWORD);
		});
		String hash = this.jdbc.sql("select password_hash from staff_user where name = :name")
			.param("name", name)
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}").doesNotContain(PASSWORD);
	}

	@Test
	void passwdReplacesThePassword() {
		String name = unique("agent");
		assertThat(staff(PASSWORD + "\n", "staff", "add", name, "--role", "agent").exit()).isZero();
		ConsoleSession before = new ConsoleSession(this.port).signIn(name, PASSWORD);

		CommandRun changed = staff("another long password\r\n", "staff", "passwd", name);

		assertThat(changed.exit()).as(changed.err()).isZero();
		// a session signed in with the old password ends at its next request
		assertThat(before.get("/console").status()).isEqualTo(302);
		assertThat(changed.out()).isEqualTo("password of " + name + " set\n");
		assertThat(signsIn(name, PASSWORD)).isFalse();
		assertThat(signsIn(name, "another long password")).isTrue();
		ConsoleSession after = new ConsoleSession(this.port).signIn(name, "another long password");
		assertThat(after.get("/console").status()).isEqualTo(200);
		assertThat(this.audit.entries("staff_user:" + name)).extracting(AuditLog.Entry::action, AuditLog.Entry::actor)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("staff_user.added", "cli"),
					org.assertj.core.groups.Tuple.tuple("staff_user.password_set", "cli"));
	}

	@Test
	void aTokenFromTheCommandLineCallsTheApiWithItsRole() {
		String name = unique("agent");
		CommandRun issued = staff("", "staff", "token", name, "--role", "agent", "--expires", "30", "--label",
				"laptop");

		assertThat(issued.exit()).as(issued.err()).isZero();
		String token = issued.out().strip();
		assertThat(token).startsWith("adk_").doesNotContain("\n");
		assertThat(issued.err()).contains("for " + name)
			.contains("role agent")
			.contains("expires")
			.doesNotContain(token);
		Api api = api();
		assertThat(api.get("/api/v1/cases", token).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/outbox", token).status()).isEqualTo(403);
		// hashed at rest: the secret itself is nowhere in the table
		assertThat(this.jdbc.sql("select count(*) from api_token where token_hash = :token or label = :token")
			.param("token", token)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc
			.sql("select expires_at > now() + interval '29 days' and expires_at < now() + interval '31 days'"
					+ " from api_token t join staff_user u on u.id = t.staff_user_id where u.name = :name")
			.param("name", name)
			.query(Boolean.class)
			.single()).isTrue();

		CommandRun listed = staff("", "staff", "list");
		assertThat(listed.out()).contains(name).contains("laptop (live, expires").doesNotContain(token);
	}

	@Test
	void everyStaffRoleGetsATokenThatWorksForThatRole() {
		Api api = api();
		Map<Role, Integer> outbox = new LinkedHashMap<>();
		Map<Role, Integer> feed = new LinkedHashMap<>();
		for (Role role : Role.values()) {
			CommandRun issued = staff("", "staff", "token", unique(role.wire()), "--role", role.wire());
			assertThat(issued.exit()).as(issued.err()).isZero();
			String token = issued.out().strip();
			outbox.put(role, api.get("/api/v1/outbox", token).status());
			feed.put(role, api.get("/api/v1/mitigations/active", token).status());
		}
		assertThat(outbox).containsEntry(Role.ADMIN, 200)
			.containsEntry(Role.AGENT, 403)
			.containsEntry(Role.REVIEWER, 403)
			.containsEntry(Role.SENIOR, 403)
			.containsEntry(Role.LEGAL, 403)
			.containsEntry(Role.EDGE, 403);
		assertThat(feed).containsEntry(Role.EDGE, 200).containsEntry(Role.ADMIN, 200).containsEntry(Role.AGENT, 403);
	}

	@Test
	void aDisabledUserCannotSignInAndItsTokensAndSessionsStopWorking() {
		String name = unique("senior");
		assertThat(staff(PASSWORD + "\n", "staff", "add", name, "--role", "senior").exit()).isZero();
		String token = staff("", "staff", "token", name).out().strip();
		ConsoleSession session = new ConsoleSession(this.port).signIn(name, PASSWORD);
		Api api = api();
		assertThat(api.get("/api/v1/cases", token).status()).isEqualTo(200);

		CommandRun disabled = staff("", "staff", "disable", name);

		assertThat(disabled.exit()).as(disabled.err()).isZero();
		assertThat(api.get("/api/v1/cases", token).status()).isEqualTo(401);
		assertThat(session.get("/console").status()).isEqualTo(302);
		assertThat(signsIn(name, PASSWORD)).isFalse();
		assertThat(staff("", "staff", "token", name).exit()).isEqualTo(StaffCommands.REFUSED);
		assertThat(staff("", "staff", "list").out()).containsPattern(name + " +senior +disabled");

		assertThat(staff("", "staff", "enable", name).exit()).isZero();
		assertThat(api.get("/api/v1/cases", token).status()).isEqualTo(200);
		assertThat(signsIn(name, PASSWORD)).isTrue();
		assertThat(this.audit.entries("staff_user:" + name)).extracting(AuditLog.Entry::action)
			.containsExactly("staff_user.added", "staff_user.token_issued", "staff_user.disabled",
					"staff_user.enabled");
	}

	@Test
	void anExpiredTokenIsRefused() {
		String name = unique("legal");
		String token = staff("", "staff", "token", name, "--role", "legal", "--expires", "1").out().strip();
		assertThat(api().get("/api/v1/cases", token).status()).isEqualTo(200);

		this.jdbc
			.sql("update api_token set expires_at = now() - interval '1 second' where staff_user_id = "
					+ "(select id from staff_user where name = :name)")
			.param("name", name)
			.update();

		assertThat(api().get("/api/v1/cases", token).status()).isEqualTo(401);
		assertThat(staff("", "staff", "list").out()).contains("cli (expired, expires");
	}

	@Test
	void revokeEndsAToken() {
		String name = unique("agent");
		CommandRun issued = staff("", "staff", "token", name, "--role", "agent");
		long id = Long.parseLong(issued.err().replaceAll("(?s)^staff token (\\d+) .*", "$1"));

		CommandRun revoked = staff("", "staff", "revoke", Long.toString(id));

		assertThat(revoked.exit()).as(revoked.err()).isZero();
		assertThat(api().get("/api/v1/cases", issued.out().strip()).status()).isEqualTo(401);
		assertThat(staff("", "staff", "revoke", Long.toString(id)).exit()).isEqualTo(StaffCommands.REFUSED);
		assertThat(staff("", "staff", "revoke", "twelve").exit()).isEqualTo(StaffCommands.BAD_INPUT);
	}

	@Test
	void badInputIsRefusedWithAClearErrorAndChangesNothing() {
		String name = unique("agent");
		CommandRun unknownRole = staff(PASSWORD + "\n", "staff", "add", name, "--role", "boss");
		assertThat(unknownRole.exit()).isEqualTo(StaffCommands.BAD_INPUT);
		assertThat(unknownRole.err()).contains("unknown role 'boss'").contains("agent, reviewer");

		CommandRun shortPassword = staff("short\n", "staff", "add", name, "--role", "agent");
		assertThat(shortPassword.exit()).isEqualTo(StaffCommands.BAD_INPUT);
		assertThat(shortPassword.err()).contains("at least 12 characters");

		CommandRun noPassword = staff("", "staff", "add", name, "--role", "agent");
		assertThat(noPassword.exit()).isEqualTo(StaffCommands.BAD_INPUT);

		CommandRun noRole = staff(PASSWORD + "\n", "staff", "add", name);
		assertThat(noRole.exit()).isEqualTo(StaffCommands.BAD_INPUT);
		assertThat(noRole.err()).contains("--role ROLE is required");

		CommandRun edge = staff(PASSWORD + "\n", "staff", "add", name, "--role", "edge");
		assertThat(edge.exit()).isEqualTo(StaffCommands.BAD_INPUT);
		assertThat(edge.err()).contains("edge is not a person");

		CommandRun badName = staff(PASSWORD + "\n", "staff", "add", "two words?", "--role", "agent");
		assertThat(badName.exit()).isEqualTo(StaffCommands.BAD_INPUT);
		assertThat(badName.err()).contains("letters, digits");

		assertThat(this.accounts.find(name)).isEmpty();
		assertThat(this.audit.entries("staff_user:" + name)).isEmpty();

		CommandRun missing = staff(PASSWORD + "\n", "staff", "passwd", name);
		assertThat(missing.exit()).isEqualTo(StaffCommands.REFUSED);
		assertThat(missing.err()).contains("no staff user named " + name);
		assertThat(staff("", "staff", "disable", name).exit()).isEqualTo(StaffCommands.REFUSED);
		CommandRun tokenWithoutUser = staff("", "staff", "token", name);
		assertThat(tokenWithoutUser.exit()).isEqualTo(StaffCommands.REFUSED);
		assertThat(tokenWithoutUser.err()).contains("give a role");

		assertThat(staff(PASSWORD + "\n", "staff", "add", name, "--role", "agent").exit()).isZero();
		CommandRun taken = staff("", "staff", "add", name, "--role", "admin");
		assertThat(taken.exit()).isEqualTo(StaffCommands.REFUSED);
		assertThat(taken.err()).contains("exists already");
		CommandRun otherRole = staff("", "staff", "token", name, "--role", "admin");
		assertThat(otherRole.exit()).isEqualTo(StaffCommands.REFUSED);
		assertThat(otherRole.err()).contains(name + " is agent");
		for (String days : List.of("0", "3651", "soon", "")) {
			CommandRun expires = staff("", "staff", "token", name, "--expires", days);
			assertThat(expires.exit()).as(days).isEqualTo(StaffCommands.BAD_INPUT);
			assertThat(expires.err()).as(days).contains("1 to 3650");
		}
		assertThat(this.jdbc
			.sql("select count(*) from api_token t join staff_user u on u.id = t.staff_user_id "
					+ "where u.name = :name")
			.param("name", name)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void readsStaffCommandsAndTheirOptions() {
		CommandRun token = CommandRun.parse("staff", "token", "ci", "--role=agent", "--expires", "7", "--label", "ci",
				"--server.port=1", "--password-stdin");
		assertThat(token.exit()).isZero();
		assertThat(token.springArguments()).containsExactly("--server.port=1");
		for (String[] wrong : List.of(new String[] { "staff" }, new String[] { "staff", "rename", "a" },
				new String[] { "staff", "list", "a" }, new String[] { "staff", "add" })) {
			CommandRun run = CommandRun.parse(wrong);
			assertThat(run.exit()).as(Arrays.toString(wrong)).isEqualTo(StaffCommands.BAD_INPUT);
			assertThat(run.err()).isEqualTo(CommandRun.usage() + System.lineSeparator());
			assertThat(run.springArguments()).isNull();
		}
	}

	private boolean signsIn(String name, String password) {
		Api.Response response = new ConsoleSession(this.port).post("/login",
				Map.of("username", name, "password", password));
		return response.status() == 302 && response.headers().firstValue("Location").orElse("").endsWith("/console");
	}

}

package org.abusedesk.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.abusedesk.IntegrationTest;
import org.abusedesk.database.internal.EmbeddedPostgresServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 12: the embedded PostgreSQL trusted every local user, who could connect to its
 * port as the superuser and run programs as the server's user. Only about the embedded
 * server: skipped when the tests run on an external one.
 */
class EmbeddedPostgresTrustsNoLocalUserTests extends IntegrationTest {

	@Autowired
	private Environment environment;

	@Autowired
	private JdbcClient jdbc;

	private String port;

	@BeforeEach
	void embeddedServer() {
		this.port = this.environment.getProperty("abusedesk.database.embedded.port");
		assumeTrue(this.port != null, "the tests run on an external PostgreSQL");
	}

	@Test
	void theSuperuserCannotConnectWithoutPassword() {
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> DriverManager
				.getConnection("jdbc:postgresql://127.0.0.1:" + this.port + "/postgres", "postgres", null)
				.close())
			.withMessageContaining("password");
	}

	@Test
	void theSuperuserCannotConnectWithAWrongPassword() {
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> DriverManager
				.getConnection("jdbc:postgresql://127.0.0.1:" + this.port + "/postgres", "postgres", "postgres")
				.close())
			.withMessageContaining("password authentication failed");
	}

	@Test
	void theApplicationDoesNotConnectAsASuperuser() {
		assertThat(this.jdbc.sql("select current_user").query(String.class).single())
			.isEqualTo(EmbeddedPostgresServer.APPLICATION_ROLE);
		assertThat(this.jdbc.sql("select rolsuper from pg_roles where rolname = current_user")
			.query(Boolean.class)
			.single()).isFalse();
	}

	@Test
	void theApplicationCannotRunProgramsOnTheServer() {
		assertThatThrownBy(() -> this.jdbc.sql("copy (select 1) to program 'true'").update()).rootCause()
			.hasMessageContaining("permission denied to COPY to or from an external program");
	}

	@Test
	void thePasswordsAreReadableByTheirOwnerOnly() throws Exception {
		Path passwords = Path.of(this.environment.getProperty("abusedesk.database.embedded.data-directory"))
			.resolve(EmbeddedPostgresServer.PASSWORDS);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwords))).isEqualTo("rw-------");
	}

}

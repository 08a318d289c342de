package org.abusedesk.database.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Issue 12: a data directory that an older abusedesk initialised with trust (no
 * passwords, everything owned by the superuser) asks for passwords once started by this
 * version, and the application's role takes over its database.
 */
@Tag("database")
class EmbeddedPostgresTrustUpgradeTests {

	@TempDir
	Path directory;

	@ParameterizedTest(name = "old server running: {0}")
	@ValueSource(booleans = { false, true })
	void aDataDirectoryInitialisedWithTrustAsksForPasswords(boolean oldServerRunning) throws Exception {
		Path pgData = this.directory.resolve("postgres");
		Path bin = EmbeddedPostgresServer.extractBinaries().resolve("bin");
		// what the older version did: initdb -A trust; Flyway then created objects as
		// postgres
		postgresCommand(null, bin.resolve("initdb").toString(), "-A", "trust", "-U", "postgres", "-D",
				pgData.toString(), "-E", "UTF-8", "--no-locale");
		postgresCommand("create database abusedesk;\n", bin.resolve("postgres").toString(), "--single", "-D",
				pgData.toString(), "postgres");
		postgresCommand("""
				create table report (id bigint generated always as identity primary key, body text);
				create sequence change_seq;
				create type mood as enum ('calm');
				create view report_ids as select id from report;
				create function one() returns int language sql as 'select 1';
				insert into report (body) values ('kept');
				""", bin.resolve("postgres").toString(), "--single", "-D", pgData.toString(), "abusedesk");
		if (oldServerRunning) {
			// left running by an older abusedesk that was killed
			postgresCommand(null, bin.resolve("pg_ctl").toString(), "-D", pgData.toString(), "-l",
					pgData.resolve("server.log").toString(), "-o",
					"-p " + freePort() + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''", "-w", "start");
		}

		EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(pgData, false);
		try {
			server.ensureApplicationDatabase("abusedesk");

			String url = server.jdbcUrl("abusedesk");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> DriverManager.getConnection(url, "postgres", null).close());
			assertThat(Files.readString(pgData.resolve("pg_hba.conf"))).doesNotContain("trust");
			assertThat(PosixFilePermissions
				.toString(Files.getPosixFilePermissions(pgData.resolve(EmbeddedPostgresServer.PASSWORDS))))
				.isEqualTo("rw-------");
			try (var connection = DriverManager.getConnection(url, EmbeddedPostgresServer.APPLICATION_ROLE,
					server.applicationPassword()); var statement = connection.createStatement()) {
				try (var rows = statement.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
					assertThat(rows.next()).isTrue();
					assertThat(rows.getBoolean(1)).isFalse();
				}
				// as the owner, the application can migrate what the older version
				// created
				statement.execute("alter table report add column note text");
				statement.execute("insert into report (body) values ('new')");
				statement.execute("alter sequence change_seq restart with 10");
				statement.execute("alter type mood add value 'busy'");
				statement.execute("create or replace view report_ids as select id, body from report");
				statement.execute("create or replace function one() returns int language sql as 'select 1'");
				try (var rows = statement.executeQuery("select string_agg(body, ',' order by id) from report")) {
					assertThat(rows.next()).isTrue();
					assertThat(rows.getString(1)).isEqualTo("kept,new");
				}
			}
		}
		finally {
			server.release();
		}
		assertThat(pgData.resolve("postmaster.pid")).doesNotExist();
	}

	private static int freePort() throws IOException {
		try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static void postgresCommand(String input, String... command) throws IOException, InterruptedException {
		List<String> full = new ArrayList<>();
		if (RootUser.isRoot()) {
			full.addAll(List.of("unshare", "--user"));
		}
		full.addAll(List.of(command));
		Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
		try (var stdin = process.getOutputStream()) {
			if (input != null) {
				stdin.write(input.getBytes(StandardCharsets.UTF_8));
			}
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(output).isZero();
		assertThat(output).doesNotContain("ERROR");
	}

}

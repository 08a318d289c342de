package org.abusedesk.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12: the embedded PostgreSQL outlived abusedesk. It was detached, survived a
 * {@code kill -9} of the process that started it, and a process that joined it never
 * stopped it. Each test runs abusedesk-like processes ({@link EmbeddedPostgresUser}) on
 * their own embedded server, whatever database the other tests use.
 */
@Tag("database")
class EmbeddedPostgresStopsWithItsLastUserTests {

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

	@TempDir
	Path directory;

	private final List<User> users = new ArrayList<>();

	@AfterEach
	void stopUsers() {
		this.users.forEach(User::kill);
	}

	@Test
	void stopsWhenTheProcessThatStartedItIsKilled() throws Exception {
		User serve = start();
		assertThat(ProcessHandle.of(serve.postmaster)).isPresent();

		killLastUser(serve);
	}

	@Test
	void stopsWhenTheProcessThatStartedItExits() throws Exception {
		User serve = start();

		serve.exit();

		// the process stops the server before it exits
		assertThat(stopped(serve.postmaster)).isTrue();
	}

	@Test
	void staysWhileAJoinedProcessUsesItAndStopsWithTheLastUser() throws Exception {
		User serve = start();
		User importer = start();
		assertThat(importer.port).isEqualTo(serve.port);
		User killedImporter = start();
		assertThat(killedImporter.port).isEqualTo(serve.port);

		killedImporter.kill();
		assertThat(serve.check()).isEqualTo("ok");

		serve.exit();
		assertThat(stopped(serve.postmaster)).isFalse();
		assertThat(importer.check()).isEqualTo("ok");

		killLastUser(importer);
	}

	@Test
	void restartsAfterItsUsersLeft() throws Exception {
		killLastUser(start());

		User second = start();
		assertThat(second.check()).isEqualTo("ok");
		second.exit();
	}

	/** Kills {@code last}, the server's last user, and waits for the server to stop. */
	private void killLastUser(User last) {
		last.kill();
		awaitStopped(last.postmaster);
	}

	private Path pgData() {
		return this.directory.resolve("postgres");
	}

	private long postmaster() throws IOException {
		return Long.parseLong(Files.readAllLines(pgData().resolve("postmaster.pid")).get(0).trim());
	}

	private void awaitStopped(long postmaster) {
		await().atMost(STOP_TIMEOUT).until(() -> stopped(postmaster));
	}

	/** The server left no postmaster.pid and its process is gone (or a zombie). */
	private boolean stopped(long postmaster) throws IOException {
		if (Files.exists(pgData().resolve("postmaster.pid"))) {
			return false;
		}
		Path stat = Path.of("/proc", String.valueOf(postmaster), "stat");
		try {
			String status = Files.readString(stat);
			return status.substring(status.lastIndexOf(')') + 1).trim().startsWith("Z");
		}
		catch (java.nio.file.NoSuchFileException ex) {
			return true;
		}
	}

	private User start() throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		Process process = new ProcessBuilder(java, "-cp", classpath, EmbeddedPostgresUser.class.getName(),
				pgData().toString())
			.redirectErrorStream(true)
			.start();
		User user = new User(process);
		this.users.add(user);
		String line = user.awaitLine("port ");
		user.port = Integer.parseInt(line.substring("port ".length()).trim());
		user.postmaster = postmaster();
		return user;
	}

	private static final class User {

		private final Process process;

		private final PrintWriter commands;

		private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

		private final StringBuilder output = new StringBuilder();

		int port;

		/** The process id of the server it started or joined. */
		long postmaster;

		User(Process process) {
			this.process = process;
			this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
			Thread reader = new Thread(() -> {
				try (var in = new BufferedReader(
						new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
					String line;
					while ((line = in.readLine()) != null) {
						this.lines.add(line);
					}
				}
				catch (IOException ex) {
					// the process is gone
				}
				this.lines.add("<end of output>");
			}, "embedded-postgres-user-output");
			reader.setDaemon(true);
			reader.start();
		}

		/** The next line that starts with {@code prefix}, skipping log lines. */
		String awaitLine(String prefix) throws InterruptedException {
			while (true) {
				String line = this.lines.poll(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
				if (line == null || line.equals("<end of output>")) {
					throw new AssertionError(
							"no line starting with '" + prefix + "' from the process; it wrote:\n" + this.output);
				}
				this.output.append(line).append('\n');
				if (line.startsWith(prefix)) {
					return line;
				}
			}
		}

		String check() throws InterruptedException {
			this.commands.println("check");
			String line = awaitLine("");
			while (!line.equals("ok") && !line.startsWith("failed") && !line.equals("no row")) {
				line = awaitLine("");
			}
			return line;
		}

		void exit() throws InterruptedException {
			this.commands.println("exit");
			assertThat(this.process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
			assertThat(this.process.exitValue()).isZero();
		}

		/** SIGKILL: no shutdown hook runs. */
		void kill() {
			this.process.destroyForcibly();
			try {
				this.process.waitFor();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}

package org.abusedesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * abusedesk in a child JVM of its own (same classpath as the driver, so no packaged jar
 * is needed), listening on 127.0.0.1 only, on the embedded PostgreSQL in a data directory
 * of the run or on the external database given by {@code -Dbench.datasource-url}.
 */
final class AppServer implements AutoCloseable {

	static final String ADMIN_TOKEN = "bench-admin-token-0123456789";

	private final Process process;

	private final int port;

	private final Path dataDir;

	private AppServer(Process process, int port, Path dataDir) {
		this.process = process;
		this.port = port;
		this.dataDir = dataDir;
	}

	/**
	 * @param settings extra {@code --name=value} arguments
	 */
	static AppServer start(Path dataDir, String datasourceUrl, int smtpPort, Path log, List<String> settings)
			throws IOException, InterruptedException {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xms1g", "-Xmx1g", "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"),
				"org.abusedesk.AbusedeskApplication", "serve", "--server.port=" + port, "--server.address=127.0.0.1",
				"--abusedesk.data-dir=" + dataDir, "--abusedesk.admin-token=" + ADMIN_TOKEN,
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort));
		if (Boolean.getBoolean("bench.jfr")) {
			// a profile of the server for the write-up: jfr print --events jdk.ExecutionSample
			command.add(4, "-XX:StartFlightRecording=filename=" + log.resolveSibling("server-" + port + ".jfr")
					+ ",settings=profile");
		}
		if (datasourceUrl != null && !datasourceUrl.isBlank()) {
			command.add("--spring.datasource.url=" + datasourceUrl);
		}
		command.addAll(settings);
		// more settings for an experiment: -Dbench.server-args="--a=1 --b=2"
		String extra = System.getProperty("bench.server-args", "").trim();
		if (!extra.isEmpty()) {
			command.addAll(List.of(extra.split("\\s+")));
		}
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		AppServer server = new AppServer(process, port, dataDir);
		server.awaitHealthy(Duration.ofMinutes(3));
		return server;
	}

	/** CPU used so far by this server, its embedded database and the load driver. */
	CpuTime cpu() {
		return CpuTime.now(this.process.toHandle(), this.dataDir);
	}

	int port() {
		return this.port;
	}

	/** The JDBC URL of the database the server uses. */
	String jdbcUrl(String datasourceUrl) throws IOException {
		if (datasourceUrl != null && !datasourceUrl.isBlank()) {
			return datasourceUrl;
		}
		// postmaster.pid: pid, data directory, start time, port, ...
		List<String> pid = Files.readAllLines(this.dataDir.resolve("postgres").resolve("postmaster.pid"));
		// the application's role and its generated password (docs/adr/0009)
		java.util.Properties passwords = new java.util.Properties();
		try (var in = Files.newBufferedReader(this.dataDir.resolve("postgres").resolve("abusedesk-passwords"))) {
			passwords.load(in);
		}
		return "jdbc:postgresql://127.0.0.1:" + pid.get(3).trim() + "/abusedesk?user=abusedesk&password="
				+ passwords.getProperty("abusedesk");
	}

	private void awaitHealthy(Duration timeout) throws InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("abusedesk exited with " + this.process.exitValue());
			}
			try {
				HttpResponse<String> response = client.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("abusedesk did not become healthy within " + timeout);
	}

	@Override
	public void close() throws InterruptedException {
		// SIGTERM: graceful shutdown, and the embedded PostgreSQL stops with it
		this.process.destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

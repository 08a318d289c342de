package org.abusedesk;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 12, "keep it closed": the crash test. Abusedesk runs as a real process (the demo,
 * on its own embedded PostgreSQL in a fresh data directory, delivering to GreenMail), is
 * killed with SIGKILL while reports come in and messages go out, and is started again on
 * the same data directory. Every report it acknowledged (201) is still there, is decided
 * and has its receipt delivered; every queued message is delivered, at most twice, and a
 * second copy carries the same Message-ID and idempotency key as the first.
 */
@Tag("database")
class CrashTests {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(180);

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration POSTING_TIMEOUT = Duration.ofSeconds(300);

	/** Reports posted to the first process at most. */
	private static final int REPORTS = 200;

	/** Acknowledged reports after which the first process is killed. */
	private static final int KILL_AFTER = 100;

	private static final int THREADS = 4;

	/** Reports posted to the second process, to show that it takes reports again. */
	private static final int REPORTS_AFTER_RESTART = 10;

	/**
	 * The most messages a process has claimed and not yet recorded as sent: one delivery
	 * at a time per process (OutboxSchedule), of at most one batch
	 * (OutboxDispatcher.BATCH = 50). Only those can be delivered again after a crash.
	 */
	private static final int OUTBOX_BATCH = 50;

	private static final ObjectMapper json = JsonMapper.builder().build();

	private final String adminToken = "crash-" + UUID.randomUUID();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	@TempDir
	Path directory;

	private GreenMail smtp;

	private final List<Abusedesk> processes = new ArrayList<>();

	private final Set<Long> postmasters = new LinkedHashSet<>();

	@BeforeEach
	void smtp() {
		assumeTrue(System.getProperty("spring.datasource.url", "").isBlank(),
				"the tests run on an external PostgreSQL; this one is about the embedded one");
		this.smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.smtp.start();
	}

	@AfterEach
	void stopEverything() {
		try {
			this.processes.forEach(Abusedesk::stop);
			// the embedded PostgreSQL goes with its last user; the data directory is
			// deleted after this
			this.postmasters.forEach(this::awaitStopped);
		}
		finally {
			keepLogs();
			if (this.smtp != null) {
				this.smtp.stop();
			}
		}
	}

	/** The processes' logs and the server's outlive the data directory, for a failure. */
	private void keepLogs() {
		Path target = Path.of("target", "crash-tests");
		try {
			Files.createDirectories(target);
			for (Abusedesk process : this.processes) {
				Files.copy(process.log, target.resolve(process.log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
			Path serverLog = pgData().resolve("server.log");
			if (Files.exists(serverLog)) {
				Files.copy(serverLog, target.resolve("postgres-server.log"), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			System.err.println("CrashTests: could not keep the logs: " + ex);
		}
	}

	@Test
	void acknowledgedReportsSurviveKillNineAndDuplicatesAreBoundedAndRecognisable() throws Exception {
		Abusedesk first = start();
		this.postmasters.add(postmaster());

		Map<String, String> acknowledged = new ConcurrentHashMap<>();
		Queue unexpected = new Queue();
		AtomicInteger acknowledgements = new AtomicInteger();
		AtomicInteger inFlightAtKill = new AtomicInteger();
		AtomicInteger next = new AtomicInteger();
		AtomicBoolean killed = new AtomicBoolean();
		ExecutorService reporters = Executors.newFixedThreadPool(THREADS);
		for (int t = 0; t < THREADS; t++) {
			reporters.execute(() -> {
				int n;
				while (!killed.get() && (n = next.getAndIncrement()) < REPORTS) {
					try {
						HttpResponse<String> response = postReport(first.port, n);
						if (response.statusCode() == 201) {
							JsonNode receipt = json.readTree(response.body());
							acknowledged.put(receipt.get("tracking_code").asString(),
									receipt.get("status_secret").asString());
							if (acknowledgements.incrementAndGet() == KILL_AFTER) {
								// SIGKILL, with the other threads' requests in flight
								killed.set(true);
								first.process.destroyForcibly();
							}
						}
						else if (!killed.get()) {
							unexpected.add("report " + n + ": " + response.statusCode() + " " + response.body());
						}
					}
					catch (IOException ex) {
						if (!killed.get()) {
							unexpected.add("report " + n + ": " + ex);
						}
						inFlightAtKill.incrementAndGet();
						return;
					}
					catch (RuntimeException ex) {
						unexpected.add("report " + n + ": " + ex);
						return;
					}
				}
			});
		}
		reporters.shutdown();
		boolean posted = reporters.awaitTermination(POSTING_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		if (!posted) {
			reporters.shutdownNow();
		}
		first.kill();
		assertThat(posted).as("reports posted within %s", POSTING_TIMEOUT).isTrue();
		assertThat(unexpected.items()).as("answers before the kill").isEmpty();
		assertThat(killed).as("killed after %d acknowledged reports", KILL_AFTER).isTrue();
		Map<String, String> beforeKill = Map.copyOf(acknowledged);
		assertThat(beforeKill).hasSizeGreaterThanOrEqualTo(KILL_AFTER).hasSizeLessThan(REPORTS);
		int smtpBeforeRestart = this.smtp.getReceivedMessages().length;

		Abusedesk second = start();
		this.postmasters.add(postmaster());

		// not one acknowledged report lost
		Map<String, String> lost = new HashMap<>();
		beforeKill.forEach((code, secret) -> {
			if (status(second.port, code, secret) == null) {
				lost.put(code, secret);
			}
		});
		assertThat(lost.keySet()).as("acknowledged before the kill, missing after the restart").isEmpty();

		// the restarted process takes reports again
		for (int n = REPORTS; n < REPORTS + REPORTS_AFTER_RESTART; n++) {
			HttpResponse<String> response = postReport(second.port, n);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			JsonNode receipt = json.readTree(response.body());
			acknowledged.put(receipt.get("tracking_code").asString(), receipt.get("status_secret").asString());
		}

		// every report decided and the outbox drained
		await("reports decided and the outbox drained").atMost(DRAIN_TIMEOUT)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> acknowledged.entrySet()
				.stream()
				.noneMatch((report) -> "submitted".equals(status(second.port, report.getKey(), report.getValue())))
					&& outbox(second.port).stream()
						.noneMatch((row) -> Set.of("pending", "sending").contains(row.get("status").asString())));

		List<JsonNode> rows = outbox(second.port).stream()
			.filter((row) -> !"webhook".equals(row.get("kind").asString()))
			.toList();
		assertThat(rows).as("messages queued").hasSizeGreaterThanOrEqualTo(acknowledged.size());
		assertThat(rows).as("messages not sent").allMatch((row) -> "sent".equals(row.get("status").asString()));
		Map<String, JsonNode> byMessageId = rows.stream()
			.collect(Collectors.toMap((row) -> messageId(row.get("idempotency_key").asString()), Function.identity()));

		List<MimeMessage> received = Arrays.asList(this.smtp.getReceivedMessages());
		Map<String, List<MimeMessage>> copies = received.stream()
			.collect(Collectors.groupingBy(CrashTests::messageIdOf));
		// every message received is one of the outbox's, recognisable by its
		// Message-ID and idempotency key, and went to that message's recipient
		for (MimeMessage message : received) {
			JsonNode row = byMessageId.get(messageIdOf(message));
			assertThat(row).as("the outbox message of Message-ID %s", messageIdOf(message)).isNotNull();
			assertThat(message.getHeader("X-Abusedesk-Idempotency-Key"))
				.containsExactly(row.get("idempotency_key").asString());
			assertThat(Arrays.stream(message.getAllRecipients()).map(String::valueOf))
				.containsExactly(row.get("recipient").asString());
		}
		// every message sent was received, at most twice (one crash); the second copies
		// are of messages claimed before the kill and at most one batch of them
		Map<String, Integer> duplicates = new HashMap<>();
		byMessageId.forEach((messageId, row) -> {
			int count = copies.getOrDefault(messageId, List.of()).size();
			assertThat(count).as("copies of %s (%s)", messageId, row.get("idempotency_key").asString()).isBetween(1, 2);
			if (count > 1) {
				duplicates.put(row.get("idempotency_key").asString(), count - 1);
				assertThat(row.get("attempts").asInt()).as("attempts of a message sent twice").isGreaterThan(1);
			}
		});
		assertThat(duplicates.values().stream().mapToInt(Integer::intValue).sum()).as("second copies: %s", duplicates)
			.isLessThanOrEqualTo(OUTBOX_BATCH);
		// each acknowledged report's reporter got its receipt
		Set<String> subjects = received.stream().map(CrashTests::subjectOf).collect(Collectors.toSet());
		assertThat(acknowledged.keySet())
			.allSatisfy((code) -> assertThat(subjects).as("receipts").contains("We received your report " + code));

		System.out.printf(
				"CrashTests: %d reports acknowledged before the kill (%d requests cut off by it), %d after the restart; "
						+ "%d messages queued, %d received before the restart, %d in all, %d second copies%n",
				beforeKill.size(), inFlightAtKill.get(), REPORTS_AFTER_RESTART, rows.size(), smtpBeforeRestart,
				received.size(), duplicates.size());

		// the last user leaves: its embedded PostgreSQL stops with it
		second.stop();
		this.postmasters.forEach(this::awaitStopped);
	}

	private Path dataDir() {
		return this.directory.resolve("data");
	}

	private Path pgData() {
		return dataDir().resolve("postgres");
	}

	private Abusedesk start() throws IOException {
		int port = freePort();
		String java = ProcessHandle.current().info().command().orElse("java");
		// the application's classpath: the test's without the test classes
		String classpath = Arrays
			.stream(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
				.split(File.pathSeparator))
			.filter((entry) -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
			.collect(Collectors.joining(File.pathSeparator));
		Path log = this.directory.resolve("abusedesk-" + (this.processes.size() + 1) + ".log");
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
				AbusedeskApplication.class.getName(), "--server.port=" + port, "--server.address=127.0.0.1",
				"--abusedesk.data-dir=" + dataDir(), "--abusedesk.demo=true", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + this.smtp.getSmtp().getPort(),
				"--abusedesk.intake.rate-limit.per-address-per-minute=100000",
				"--abusedesk.public-base-url=http://127.0.0.1:" + port, "--abusedesk.outbox.poll-interval-ms=100",
				// what the killed process claimed is taken over after this
				"--abusedesk.outbox.lease=PT3S")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		// its own configuration only: nothing of an outer database or token
		builder.environment().keySet().removeIf((name) -> name.startsWith("SPRING_") || name.startsWith("ABUSEDESK_"));
		builder.environment().put("ABUSEDESK_ADMIN_TOKEN", this.adminToken);
		builder.environment().put("ABUSEDESK_DEMO_PASSWORD", "crash test password");
		Abusedesk abusedesk = new Abusedesk(builder.start(), port, log);
		this.processes.add(abusedesk);
		await("abusedesk on port " + port + " up").atMost(START_TIMEOUT)
			.pollInterval(Duration.ofMillis(250))
			.until(() -> {
				if (!abusedesk.process.isAlive()) {
					throw new AssertionError(
							"abusedesk exited with " + abusedesk.process.exitValue() + ":\n" + abusedesk.tail());
				}
				return abusedesk.healthy();
			});
		return abusedesk;
	}

	private HttpResponse<String> postReport(int port, int n) throws IOException {
		String body = """
				{"reporter": {"name": "Crash Reporter", "email": "crash@reporter.example", "kind": "individual"},
				 "urls": ["https://login.proxied.example/crash/%d/"],
				 "justification": "A copy of Example Bank's login page, number %d.",
				 "targeted_brand": "Example Bank",
				 "notify": {"host": "send", "owner": "send-anon"},
				 "good_faith": true}""".formatted(n, n);
		return send(HttpRequest.newBuilder(uri(port, "/api/v1/reports/phishing"))
			.header("Content-Type", "application/json; charset=UTF-8")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	/** The report's status, or {@code null} when there is no such report. */
	private String status(int port, String code, String secret) {
		HttpResponse<String> response = sendOrFail(
				HttpRequest.newBuilder(uri(port, "/api/v1/reports/status/" + code + "?secret=" + secret)).GET());
		if (response.statusCode() == 404) {
			return null;
		}
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body()).get("status").asString();
	}

	/** Every message in the outbox, page by page. */
	private List<JsonNode> outbox(int port) {
		List<JsonNode> rows = new ArrayList<>();
		long after = 0;
		while (true) {
			HttpResponse<String> response = sendOrFail(
					HttpRequest.newBuilder(uri(port, "/api/v1/outbox?limit=500&after=" + after))
						.header("Authorization", "Bearer " + this.adminToken)
						.GET());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode page = json.readTree(response.body());
			page.get("messages").forEach(rows::add);
			JsonNode nextAfter = page.get("next_after");
			if (nextAfter == null || nextAfter.isNull()) {
				return rows;
			}
			after = nextAfter.asLong();
		}
	}

	private static URI uri(int port, String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
		try {
			return this.http.send(request.timeout(REQUEST_TIMEOUT).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private HttpResponse<String> sendOrFail(HttpRequest.Builder request) {
		try {
			return send(request);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The Message-ID the outbox gives the message with this idempotency key. */
	private static String messageId(String idempotencyKey) throws RuntimeException {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
			return "<" + java.util.HexFormat.of().formatHex(digest, 0, 16) + "@abusedesk>";
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String messageIdOf(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String subjectOf(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long postmaster() throws IOException {
		return Long.parseLong(Files.readAllLines(pgData().resolve("postmaster.pid")).get(0).trim());
	}

	private void awaitStopped(long postmaster) {
		await("the embedded PostgreSQL (" + postmaster + ") stopped").atMost(STOP_TIMEOUT)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> stopped(postmaster));
	}

	/** The server left no postmaster.pid and its process is gone (or a zombie). */
	private boolean stopped(long postmaster) throws IOException {
		if (Files.exists(pgData().resolve("postmaster.pid"))) {
			return false;
		}
		try {
			String status = Files.readString(Path.of("/proc", String.valueOf(postmaster), "stat"));
			return status.substring(status.lastIndexOf(')') + 1).trim().startsWith("Z");
		}
		catch (NoSuchFileException ex) {
			return true;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/** Problems the reporting threads ran into. */
	private static final class Queue {

		private final ConcurrentLinkedQueue<String> items = new ConcurrentLinkedQueue<>();

		void add(String item) {
			this.items.add(item);
		}

		List<String> items() {
			return List.copyOf(this.items);
		}

	}

	/** An abusedesk process. */
	private final class Abusedesk {

		private final Process process;

		private final int port;

		private final Path log;

		Abusedesk(Process process, int port, Path log) {
			this.process = process;
			this.port = port;
			this.log = log;
		}

		boolean healthy() {
			try {
				HttpResponse<String> response = send(HttpRequest.newBuilder(uri(this.port, "/actuator/health"))
					.timeout(Duration.ofSeconds(5))
					.GET());
				return response.statusCode() == 200
						&& json.readTree(response.body()).get("status").asString().equals("UP");
			}
			catch (IOException ex) {
				return false;
			}
		}

		/** SIGKILL: no shutdown hook runs. */
		void kill() {
			this.process.destroyForcibly();
			waitFor();
		}

		/** SIGTERM (the shutdown hooks run), SIGKILL if that takes too long. */
		void stop() {
			if (!this.process.isAlive()) {
				return;
			}
			this.process.destroy();
			try {
				if (!this.process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
					kill();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				kill();
			}
		}

		private void waitFor() {
			try {
				this.process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		String tail() {
			try {
				List<String> lines = Files.readAllLines(this.log, StandardCharsets.UTF_8);
				return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
			}
			catch (IOException ex) {
				return "(no log: " + ex + ")";
			}
		}

	}

}

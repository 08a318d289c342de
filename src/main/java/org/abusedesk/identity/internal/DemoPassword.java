package org.abusedesk.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.abusedesk.identity.StaffAccounts;

/**
 * The demo users' password when {@code ABUSEDESK_DEMO_PASSWORD} is not set: generated at
 * the first start and kept in clear in {@value #FILE} (mode 0600) in the data directory,
 * like the embedded database's passwords (docs/adr/0009), so that it stays the same
 * across restarts. The database keeps only its hash, as for every staff password.
 */
final class DemoPassword {

	static final String FILE = "demo-password";

	private static final SecureRandom random = new SecureRandom();

	private DemoPassword() {
	}

	/**
	 * @param password the password
	 * @param file where it is kept
	 * @param generated whether it was generated now (then it is shown once)
	 */
	record Kept(String password, Path file, boolean generated) {

		@Override
		public String toString() {
			return "Kept[file=" + this.file + ", generated=" + this.generated + "]";
		}

	}

	/**
	 * Reads the kept password, or generates one and keeps it.
	 * @param dataDirectory the data directory ({@code abusedesk.data-dir}), created
	 * (0700) if missing
	 * @throws IllegalStateException when the file cannot be read or written, or holds a
	 * password too short
	 */
	static Kept keep(Path dataDirectory) {
		Path file = dataDirectory.resolve(FILE);
		try {
			if (Files.exists(file)) {
				return new Kept(read(file), file, false);
			}
			if (!Files.isDirectory(dataDirectory)) {
				Files.createDirectories(dataDirectory,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			}
			String password = generate();
			Path staging = dataDirectory.resolve(FILE + ".new");
			Files.deleteIfExists(staging);
			Files.createFile(staging,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(staging, password + "\n", StandardCharsets.UTF_8);
			try {
				// a link is made whole or not at all, and never replaces the password
				// another process of the same data directory kept meanwhile
				Files.createLink(file, staging);
			}
			catch (FileAlreadyExistsException ex) {
				return new Kept(read(file), file, false);
			}
			finally {
				Files.deleteIfExists(staging);
			}
			return new Kept(password, file, true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Cannot keep the demo password in " + file + "; set ABUSEDESK_DEMO_PASSWORD instead", ex);
		}
	}

	private static String read(Path file) throws IOException {
		if (!Files.getPosixFilePermissions(file).equals(PosixFilePermissions.fromString("rw-------"))) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		String password = Files.readString(file, StandardCharsets.UTF_8).strip();
		if (password.length() < StaffAccounts.MIN_PASSWORD) {
			throw new IllegalStateException(file + " holds a password of fewer than " + StaffAccounts.MIN_PASSWORD
					+ " characters: delete it to have a new one generated, or set ABUSEDESK_DEMO_PASSWORD");
		}
		return password;
	}

	private static String generate() {
		byte[] bytes = new byte[15];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}

package org.abusedesk.identity.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;

import org.abusedesk.ConsoleSession;
import org.abusedesk.IntegrationTest;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 19, "the demo's password changes at every restart": without
 * {@code ABUSEDESK_DEMO_PASSWORD}, the demo generates a password once, keeps it in a 0600
 * file in the data directory, prints it that once, and signs in with the same password
 * after every restart.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoStaffTests extends IntegrationTest {

	@Autowired
	private StaffAccounts accounts;

	@Test
	void theDemoPasswordNoLongerChangesAtEveryRestart(@TempDir Path data, CapturedOutput output) throws Exception {
		String user = "demo-" + UUID.randomUUID();
		Path dataDirectory = data.resolve("data");

		new DemoStaff(this.accounts, "", dataDirectory, Map.of(user, Role.REVIEWER)).run(null);

		Path file = dataDirectory.resolve(DemoPassword.FILE);
		String password = Files.readString(file).strip();
		assertThat(password).hasSizeGreaterThanOrEqualTo(StaffAccounts.MIN_PASSWORD);
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Files.getPosixFilePermissions(dataDirectory))
			.isEqualTo(PosixFilePermissions.fromString("rwx------"));
		assertThat(output.getOut() + output.getErr()).contains(password).contains(file.toString());
		new ConsoleSession(this.port).signIn(user, password);
		int printed = (output.getOut() + output.getErr()).split(java.util.regex.Pattern.quote(password), -1).length - 1;

		// the next start: the same password, not printed again, where it is said
		new DemoStaff(this.accounts, "", dataDirectory, Map.of(user, Role.REVIEWER)).run(null);

		assertThat(Files.readString(file).strip()).isEqualTo(password);
		String all = output.getOut() + output.getErr();
		assertThat(all.split(java.util.regex.Pattern.quote(password), -1).length - 1).isEqualTo(printed);
		assertThat(all).contains("the one kept in " + file);
		new ConsoleSession(this.port).signIn(user, password);
	}

	@Test
	void aChosenPasswordIsUsedAndNothingIsKept(@TempDir Path data) {
		String user = "demo-" + UUID.randomUUID();

		new DemoStaff(this.accounts, " a chosen demo password ", data, Map.of(user, Role.AGENT)).run(null);

		assertThat(data.resolve(DemoPassword.FILE)).doesNotExist();
		new ConsoleSession(this.port).signIn(user, "a chosen demo password");
	}

	@Test
	void aKeptPasswordTooShortStopsTheStartWithWhatToDo(@TempDir Path data) throws Exception {
		Files.writeString(data.resolve(DemoPassword.FILE), "short\n");

		assertThatThrownBy(() -> DemoPassword.keep(data)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("delete it")
			.hasMessageContaining("ABUSEDESK_DEMO_PASSWORD");
		// a file others could read is made private before it is used
		Files.writeString(data.resolve(DemoPassword.FILE), "a kept password\n");
		Files.setPosixFilePermissions(data.resolve(DemoPassword.FILE), PosixFilePermissions.fromString("rw-r--r--"));
		assertThat(DemoPassword.keep(data).password()).isEqualTo("a kept password");
		assertThat(Files.getPosixFilePermissions(data.resolve(DemoPassword.FILE)))
			.isEqualTo(PosixFilePermissions.fromString("rw-------"));
	}

}

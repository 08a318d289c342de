package org.abusedesk.database.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

final class RootUser {

	private RootUser() {
	}

	/** Whether this process runs with user id 0 ({@code /proc/self} is owned by it). */
	static boolean isRoot() {
		try {
			return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
		}
		catch (IOException | UnsupportedOperationException ex) {
			return false;
		}
	}

}

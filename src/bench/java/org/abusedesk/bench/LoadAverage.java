package org.abusedesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's load average, recorded with every phase: other builds may share these
 * two cores, and a figure taken under their load says so.
 */
final class LoadAverage {

	private LoadAverage() {
	}

	static String now() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}

package org.abusedesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * CPU time used so far by the three parties of an end-to-end run: the abusedesk server,
 * its embedded PostgreSQL (postmaster and backends), and this load driver. Differences
 * over a phase, divided by the reports it accepted, say where a report's CPU goes on a
 * machine whose cores they all share.
 */
record CpuTime(double server, double database, double driver) {

	static CpuTime now(ProcessHandle server, Path dataDir) {
		return new CpuTime(seconds(server), database(dataDir), seconds(ProcessHandle.current()));
	}

	CpuTime since(CpuTime earlier) {
		return new CpuTime(this.server - earlier.server, this.database - earlier.database,
				this.driver - earlier.driver);
	}

	private static double database(Path dataDir) {
		try {
			List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
			Optional<ProcessHandle> postmaster = ProcessHandle.of(Long.parseLong(pid.get(0).trim()));
			return postmaster.map((p) -> seconds(p) + p.descendants().mapToDouble(CpuTime::seconds).sum())
				.orElse(Double.NaN);
		}
		catch (IOException | RuntimeException ex) {
			// an external database: not measured here
			return Double.NaN;
		}
	}

	private static double seconds(ProcessHandle process) {
		return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9;
	}

}

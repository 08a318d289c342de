package org.abusedesk.intake.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.abusedesk.IntegrationTest;
import org.abusedesk.problems.FieldError;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 5: thirty 1 MB random bodies grew the database by 30 MB, and one IPv6
 * /64 could write without limit: anonymous invalid bodies were kept for ever. Past a
 * client's daily quota an invalid body keeps its hash, size and errors but not its bytes,
 * and invalid submissions are deleted after the retention unless held.
 */
class RawSubmissionRetentionTests extends IntegrationTest {

	private static final List<FieldError> ERRORS = List.of(new FieldError("", "invalid_json", "Not JSON."));

	@Autowired
	private ObjectMapper json;

	@Test
	void anonymousInvalidBodiesAreKeptForEverNoMore() {
		Clock clock = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);
		RawSubmissionArchive archive = new RawSubmissionArchive(this.jdbc, this.json,
				new InvalidBodyQuota(1500, clock));
		byte[] body = new byte[1000];
		Arrays.fill(body, (byte) 'x');

		long first = invalid(archive, "2001:db8:77:1::1", body);
		long sameSlash64 = invalid(archive, "2001:db8:77:1:ffff::2", body);
		long otherSlash64 = invalid(archive, "2001:db8:77:2::1", body);

		assertThat(stored(first)).isEqualTo(1000);
		assertThat(stored(sameSlash64)).as("over the /64's quota: the bytes are not kept").isZero();
		assertThat(queryOne(String.class,
				"select body_withheld_bytes || ' ' || sha256 || ' ' || errors::text from raw_submission where id = ?",
				sameSlash64))
			.startsWith("1000 " + RawSubmissionArchive.sha256(body))
			.contains("invalid_json");
		assertThat(stored(otherSlash64)).isEqualTo(1000);

		long old = invalid(archive, "192.0.2.10", body);
		long oldHeld = invalid(archive, "192.0.2.11", body);
		long oldStored = archive.store("api", "general", "192.0.2.12", body);
		archive.markProcessed(oldStored);
		this.jdbc.sql("update raw_submission set received_at = now() - interval '31 days' where id in (:ids)")
			.param("ids", List.of(old, oldHeld, oldStored))
			.update();
		this.jdbc.sql("update raw_submission set held = true where id = :id").param("id", oldHeld).update();

		int purged = new RawSubmissionRetention(this.jdbc, Duration.ofDays(30))
			.purgeBefore(Instant.now().minus(Duration.ofDays(30)));

		assertThat(purged).isGreaterThanOrEqualTo(1);
		assertThat(exists(old)).isFalse();
		assertThat(exists(oldHeld)).as("held evidence is never purged").isTrue();
		assertThat(exists(oldStored)).as("a submission that became a report stays with it").isTrue();
		assertThat(exists(first)).as("within the retention").isTrue();
	}

	private static long invalid(RawSubmissionArchive archive, String client, byte[] body) {
		long id = archive.store("api", "general", client, body);
		archive.markInvalid(id, ERRORS);
		return id;
	}

	private long stored(long id) {
		return queryOne(Long.class, "select length(body) from raw_submission where id = ?", id);
	}

	private boolean exists(long id) {
		return queryOne(Integer.class, "select count(*) from raw_submission where id = ?", id) == 1;
	}

}

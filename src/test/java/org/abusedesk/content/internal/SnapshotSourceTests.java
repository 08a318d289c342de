package org.abusedesk.content.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.abusedesk.ContentSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * No snapshot is ever read from an address outside the configured source: whatever a
 * reported URL holds, the only requests the storage API sees are under its template's
 * path for the reported host, and another server (where a redirect points) sees none.
 */
class SnapshotSourceTests {

	private static final String HOST = "blog.pages.example";

	private final ContentSource source = ContentSource.start();

	private final ContentSource elsewhere = ContentSource.start();

	private final SnapshotTemplate template = new SnapshotTemplate(this.source.url() + "/objects/{host}{path}");

	private final SnapshotFetcher fetcher = new SnapshotFetcher(1024, Duration.ofSeconds(1),
			SnapshotProperties.DEFAULT_TYPES);

	@AfterEach
	void onlyTheSourceWasAskedAndOnlyUnderTheHostsPath() {
		assertThat(this.source.requests())
			.allSatisfy((request) -> assertThat(request).startsWith("/objects/" + HOST + "/").doesNotContain("/../"));
		assertThat(this.elsewhere.requests()).isEmpty();
		this.source.close();
		this.elsewhere.close();
	}

	@Test
	void aPageIsReadFromTheSourceWithItsPathEscaped() {
		this.source.serve("/objects/" + HOST + "/jane/index.html", "text/html; charset=utf-8", "<p>hello</p>");
		SnapshotFetcher.Fetched fetched = read("https://" + HOST + "/jane/index.html#top");
		assertThat(fetched.refusal()).isNull();
		assertThat(new String(fetched.content(), StandardCharsets.UTF_8)).isEqualTo("<p>hello</p>");
		assertThat(fetched.mediaType()).isEqualTo("text/html");
		assertThat(this.source.requests()).containsExactly("/objects/" + HOST + "/jane/index.html");
	}

	@Test
	void anotherHostInThePathOrAnAtSignStaysAPathUnderTheReportedHost() {
		read("https://" + HOST + "/evil.example/x");
		read("https://" + HOST + "/@evil.example/x");
		assertThat(this.source.requests()).containsExactly("/objects/" + HOST + "/evil.example/x",
				"/objects/" + HOST + "/%40evil.example/x");
	}

	@Test
	void userInformationDotSegmentsEncodedSlashesAndOtherHostsAreRefusedUnread() {
		assertThat(read("https://evil.example@" + HOST + "/x").refusal()).isEqualTo("user_information");
		assertThat(read("https://" + HOST + "@evil.example/x").refusal()).isEqualTo("user_information");
		assertThat(read("https://" + HOST + "/a/../../admin").refusal()).isEqualTo("path_not_allowed");
		assertThat(read("https://" + HOST + "/a/%2e%2e/%2E%2E/admin").refusal()).isEqualTo("path_not_allowed");
		assertThat(read("https://" + HOST + "/./x").refusal()).isEqualTo("path_not_allowed");
		assertThat(read("https://" + HOST + "/a%2F..%2F..%2Fadmin").refusal()).isEqualTo("path_not_allowed");
		assertThat(read("https://" + HOST + "/a%5c..%5cadmin").refusal()).isEqualTo("path_not_allowed");
		assertThat(read("https://" + HOST + "/a%00b").refusal()).isEqualTo("path_not_allowed");
		assertThat(read("https://" + HOST + "//evil.example/x").refusal()).isEqualTo("path_not_allowed");
		assertThat(read("https://" + HOST + "/a%zz").refusal()).isEqualTo("not_a_url");
		assertThat(read("https://evil.example/x").refusal()).isEqualTo("host_not_resolved");
		assertThat(read("https://127.0.0.1:" + this.elsewhere.url().replaceFirst(".*:", "") + "/x").refusal())
			.isEqualTo("host_not_resolved");
		assertThat(read("not a url").refusal()).isEqualTo("not_a_url");
		assertThat(this.source.requests()).isEmpty();
	}

	@Test
	void aRedirectIsNotFollowed() {
		this.elsewhere.serve("/steal", "text/html", "<p>not ours</p>");
		this.source.answer("/objects/" + HOST + "/moved", new ContentSource.Answer(302,
				Map.of("Location", this.elsewhere.url() + "/steal"), new byte[0], 1, false, false));
		assertThat(read("https://" + HOST + "/moved").refusal()).isEqualTo("redirect");
		assertThat(this.source.requests()).containsExactly("/objects/" + HOST + "/moved");
	}

	@Test
	void anOversizeAnswerIsRefusedWhetherItsLengthIsDeclaredOrNot() {
		byte[] kilobyte = "x".repeat(512).getBytes(StandardCharsets.UTF_8);
		this.source.answer("/objects/" + HOST + "/declared",
				new ContentSource.Answer(200, Map.of("Content-Type", "text/plain"), kilobyte, 3, false, false));
		this.source.answer("/objects/" + HOST + "/chunked",
				new ContentSource.Answer(200, Map.of("Content-Type", "text/plain"), kilobyte, 3, true, false));
		this.source.answer("/objects/" + HOST + "/just-fits",
				new ContentSource.Answer(200, Map.of("Content-Type", "text/plain"), kilobyte, 2, true, false));
		assertThat(read("https://" + HOST + "/declared").refusal()).isEqualTo("too_large");
		assertThat(read("https://" + HOST + "/chunked").refusal()).isEqualTo("too_large");
		assertThat(read("https://" + HOST + "/just-fits").content()).hasSize(1024);
	}

	@Test
	void aSourceThatStallsIsGivenUpAtTheTimeout() {
		this.source.answer("/objects/" + HOST + "/slow",
				new ContentSource.Answer(200, Map.of("Content-Type", "text/plain"),
						"the first bytes".getBytes(StandardCharsets.UTF_8), 1, true, true));
		assertThat(read("https://" + HOST + "/slow").refusal()).isEqualTo("timeout");
	}

	@Test
	void onlyTheConfiguredTypesAreKeptAndAnImageOrAPdfMustBeOne() {
		this.source.serve("/objects/" + HOST + "/a.bin", "application/octet-stream", "MZ");
		this.source.serve("/objects/" + HOST + "/fake.png", "image/png", "<script>no png</script>");
		this.source.serve("/objects/" + HOST + "/fake.pdf", "application/pdf", "<html>no pdf</html>");
		this.source.answer("/objects/" + HOST + "/untyped",
				new ContentSource.Answer(200, Map.of(), "text".getBytes(StandardCharsets.UTF_8), 1, false, false));
		assertThat(read("https://" + HOST + "/a.bin").refusal()).isEqualTo("type_not_allowed");
		assertThat(read("https://" + HOST + "/fake.png").refusal()).isEqualTo("type_not_allowed");
		assertThat(read("https://" + HOST + "/fake.pdf").refusal()).isEqualTo("type_not_allowed");
		assertThat(read("https://" + HOST + "/untyped").refusal()).isEqualTo("type_not_allowed");
		assertThat(read("https://" + HOST + "/missing").refusal()).isEqualTo("status_404");
	}

	@Test
	void aTemplateMustFixItsSchemeHostAndPort() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SnapshotTemplate("https://{host}.storage.internal/"))
			.withMessageContaining("fixed");
		assertThatIllegalArgumentException().isThrownBy(() -> new SnapshotTemplate("https://storage{path}"))
			.withMessageContaining("fixed");
		assertThatIllegalArgumentException().isThrownBy(() -> new SnapshotTemplate("ftp://storage.internal/{path}"))
			.withMessageContaining("http");
		assertThatIllegalArgumentException().isThrownBy(() -> new SnapshotTemplate("https://storage.internal/{url}"))
			.withMessageContaining("{url}");
		assertThat(new SnapshotTemplate("https://storage.internal/o/{host}{path}?{query}")
			.expand("https://" + HOST + "/a b?x=1&y=%3Cz%3E", HOST)
			.refusal()).isEqualTo("not_a_url");
		assertThat(new SnapshotTemplate("https://storage.internal/o/{host}{path}?q&{query}")
			.expand("https://" + HOST + "/a?x=1&y=%3Cz%3E&u=http://evil.example/", HOST)
			.url())
			.hasToString("https://storage.internal/o/" + HOST + "/a?q&x=1&y=%3Cz%3E&u=http%3A%2F%2Fevil.example%2F");
	}

	private SnapshotFetcher.Fetched read(String reported) {
		SnapshotTemplate.Expanded expanded = this.template.expand(reported, HOST);
		return (expanded.url() != null) ? this.fetcher.fetch(expanded.url())
				: SnapshotFetcher.Fetched.refused(expanded.refusal());
	}

}

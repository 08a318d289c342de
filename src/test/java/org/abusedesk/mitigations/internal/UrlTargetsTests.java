package org.abusedesk.mitigations.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How reported URLs become the targets of a {@code url_pattern} mitigation. */
class UrlTargetsTests {

	@Test
	void aDirectoryIsAPathPrefixAndAPageAnExactUrl() {
		assertThat(UrlTargets.target("https://hosted.example/phish/")).hasValue("https://hosted.example/phish/*");
		assertThat(UrlTargets.target("https://hosted.example/phish/login.php"))
			.hasValue("https://hosted.example/phish/login.php");
	}

	@Test
	void theRootIsTheHomePageOnlyNeverTheWholeSite() {
		assertThat(UrlTargets.target("https://hosted.example/")).hasValue("https://hosted.example/");
		assertThat(UrlTargets.target("https://hosted.example")).hasValue("https://hosted.example/");
	}

	@Test
	void schemeAndHostAreLowerCaseTheDefaultPortAndUserInfoGoTheOtherPortStays() {
		assertThat(UrlTargets.target("HTTPS://user:pw@Hosted.Example.:443/A/./b/../Page.PHP"))
			.hasValue("https://hosted.example/A/Page.PHP");
		assertThat(UrlTargets.target("http://hosted.example:8080/x")).hasValue("http://hosted.example:8080/x");
	}

	@Test
	void theQueryIsKeptAndTheFragmentDropped() {
		assertThat(UrlTargets.target("https://hosted.example/view.php?id=7#top"))
			.hasValue("https://hosted.example/view.php?id=7");
		assertThat(UrlTargets.target("https://hosted.example/dir/?id=7")).hasValue("https://hosted.example/dir/?id=7");
	}

	@Test
	void whatTheEdgeCannotMatchGivesNoTarget() {
		assertThat(UrlTargets.target("ftp://hosted.example/file")).isEmpty();
		assertThat(UrlTargets.target("not a url")).isEmpty();
		assertThat(UrlTargets.target(null)).isEmpty();
	}

	@Test
	void targetsAreDistinctInTheirOrder() {
		assertThat(UrlTargets.of(List.of("https://h.example/b", "https://H.example/b#x", "https://h.example/a")))
			.containsExactly("https://h.example/b", "https://h.example/a");
	}

	@Test
	void aStatementNamesAPrefixInWords() {
		assertThat(UrlTargets.describe("https://h.example/phish/*"))
			.isEqualTo("https://h.example/phish/ and every page under it");
		assertThat(UrlTargets.describe("https://h.example/a")).isEqualTo("https://h.example/a");
	}

}

package org.abusedesk.mailbox.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.abusedesk.intake.MailFormat;
import org.abusedesk.intake.ReportType;
import org.junit.jupiter.api.Test;

import static org.abusedesk.mailbox.internal.Fixtures.address;
import static org.abusedesk.mailbox.internal.Fixtures.assertRead;
import static org.abusedesk.mailbox.internal.Fixtures.host;
import static org.abusedesk.mailbox.internal.Fixtures.parse;
import static org.abusedesk.mailbox.internal.Fixtures.parsed;
import static org.abusedesk.mailbox.internal.Fixtures.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The quirks of real senders (issue 18): feedback reports without Source-IP, X-ARF that
 * mail systems mangled, and the known notifiers' own formats. Fixtures are ours, written
 * to each format's specification.
 */
class MailQuirksTests {

	@Test
	void aFeedbackReportWithoutSourceIpTakesTheFirstExternalHopAndTheOriginalsUrls() {
		ParsedMessage parsed = parsed("arf-source-in-received.eml");

		assertThat(parsed.format()).isEqualTo(MailFormat.ARF);
		// 10.20.30.40 and 127.0.0.1 are the reporter's own relays; 192.168.1.15 is behind
		// the sender
		assertThat(parsed.targets()).containsExactly(address("198.51.100.23"),
				url("http://cheap-pills.spamvertised.example/offer?id=7"));
		assertThat(parsed.problems()).anyMatch((problem) -> problem.contains("Received chain"));
	}

	@Test
	void aFeedbackReportWithoutSourceIpOrReceivedTakesThePublicAddressOfTheTextForPeople() {
		ParsedMessage parsed = parsed("arf-source-in-text.eml");

		assertThat(parsed.format()).isEqualTo(MailFormat.ARF);
		assertThat(parsed.targets()).extracting(MailTarget::value).containsExactly("198.51.100.61");
	}

	@Test
	void firstExternalHopSkipsPrivateRelaysAndReadsIpv6() {
		assertThat(ArfReader.firstExternalHop(List.of("from a (a [10.0.0.1]) by b", "from c (c [172.16.4.4]) by d",
				"from e (e [IPv6:2001:db8:5::7]) by f", "from g (g [198.51.100.1]) by h")))
			.isEqualTo("2001:db8:5::7");
		assertThat(ArfReader.firstExternalHop(List.of("from a (a [10.0.0.1]) by b"))).isNull();
		assertThat(ArfReader.firstExternalHop(List.of("from x by mx.example ([198.51.100.2])"))).isNull();
	}

	@Test
	void legacyXarfIsRecognisedByItsContentWhateverTheSpacingAndCase() {
		assertRead("xarf-yaml-mangled.eml", MailFormat.XARF_YAML, "port-scan", "reports@scanwatch.example",
				address("203.0.113.90"));
		assertThat(parsed("xarf-plain-body.eml"))
			.extracting(ParsedMessage::format, ParsedMessage::category, ParsedMessage::targets)
			.containsExactly(MailFormat.XARF_YAML, "login-attack", List.of(address("198.51.100.140")));
		assertThat(parsed("xarf-yaml-no-header.eml")).extracting(ParsedMessage::format, ParsedMessage::targets)
			.containsExactly(MailFormat.XARF_YAML,
					List.of(url("http://fake-bank.phish.example/login", ReportType.PHISHING)));
	}

	@Test
	void safeBrowsingStyleXmlIsReadWithItsThreatType() {
		ParsedMessage parsed = parsed("notifier-safe-browsing.eml");

		assertThat(parsed.format()).isEqualTo(MailFormat.NOTIFIER);
		assertThat(parsed.notifier()).isEqualTo("safe-browsing-xml");
		assertThat(parsed.targets())
			.containsExactly(url("http://login-verify.phish.example/account", ReportType.PHISHING));
	}

	@Test
	void shadowserverStyleCsvGivesEveryRowsAddressAndHostName() {
		ParsedMessage parsed = parsed("notifier-shadowserver.eml");

		assertThat(parsed.notifier()).isEqualTo("shadowserver-csv");
		assertThat(parsed.targets()).containsExactly(address("192.0.2.53"), host("ns1.resolver-test.example"),
				address("192.0.2.54"));
	}

	@Test
	void spamcopGivesTheSourceAndTheSpamvertisedSiteButNotItsOwnLinks() {
		ParsedMessage parsed = parsed("notifier-spamcop.eml");

		assertThat(parsed.notifier()).isEqualTo("spamcop");
		assertThat(parsed.targets()).containsExactly(address("198.51.100.9"),
				url("http://watches.spamvertised.example/buy"));
	}

	@Test
	void anAcnsNoticeIsACopyrightNoticeWithTheWorkAndTheRightsHolder() {
		ParsedMessage parsed = parsed("notifier-acns.eml");

		assertThat(parsed.notifier()).isEqualTo("acns");
		assertThat(parsed.targets()).containsExactly(address("192.0.2.80", ReportType.DMCA),
				url("https://films.copyhost.example/watch/the-example-movie", ReportType.DMCA));
		assertThat(parsed.details()).containsEntry("work", "The Example Movie")
			.containsEntry("rights_holder_name", "Example Film Studios")
			.containsEntry("rights_holder_address", "1 Studio Way, Film City, ZZ 00000")
			.containsEntry("signature", "Casey Agent");
		assertThat(parsed.reporterName()).isEqualTo("Casey Agent");
		assertThat(parsed.reporterEmail()).isEqualTo("notices@rights-agency.example");
		assertThat(parsed.organisation()).isEqualTo("Example Film Studios");
		assertThat(CopyrightNotice.complete(parsed)).isTrue();
	}

	@Test
	void operatorsAddTheirOwnNotifiersFromAFileWithoutARelease() {
		String file = """
				notifiers:
				  - name: honeynet-kv
				    sender: "@honeynet.example"
				    reader: key-value
				    reporter-kind: trusted_flagger
				    targets: [Attacker, Victim-Url]
				    type-field: Kind
				""";
		List<Notifier> own = NotifierRegistry.load(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
				"test");
		MailParser withOwn = new MailParser(MailLimits.DEFAULTS, NotifierRegistry.of(List.of(), own));
		byte[] raw = """
				From: sensor-3@honeynet.example
				Subject: event 77

				Kind: brute-force
				Attacker: 198.51.100.33
				Victim-Url: not a url
				""".getBytes(StandardCharsets.UTF_8);

		ParsedMessage parsed = withOwn.parse(raw);

		assertThat(parsed.notifier()).isEqualTo("honeynet-kv");
		assertThat(parsed.targets()).containsExactly(address("198.51.100.33"));
		assertThatThrownBy(() -> NotifierRegistry
			.load(new ByteArrayInputStream("- name: x\n  reader: pdf\n  sender: a@b.example\n".getBytes()), "bad.yaml"))
			.hasMessageContaining("bad.yaml")
			.hasMessageContaining("pdf");
	}

	@Test
	void aReplyNamesTheMessagesItAnswersAndAutomaticMailIsMarked() {
		byte[] raw = """
				From: abuse@host.example
				In-Reply-To: <aaa@abusedesk>
				References: <first@abusedesk> <aaa@abusedesk>
				Auto-Submitted: auto-replied
				Subject: Re: Abuse report AD-7K3M-Q9XF-2HPA

				I am out of office.
				""".getBytes(StandardCharsets.UTF_8);

		MailThread thread = parse(raw).thread();

		assertThat(thread.referencedIds()).containsExactly("<aaa@abusedesk>", "<first@abusedesk>");
		assertThat(thread.autoSubmitted()).isEqualTo("auto-replied");
		assertThat(thread.automatic()).isTrue();
		assertThat(TrackingCodesInText.in("Re: Abuse report ad-7k3m-q9xf-2hpa")).containsExactly("AD-7K3M-Q9XF-2HPA");
		assertThat(parse("From: a@b.example\nAuto-Submitted: no\n\nhi\n".getBytes()).thread().automatic()).isFalse();
	}

}

package org.abusedesk.intake;

import java.time.Duration;
import java.util.List;

import org.abusedesk.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The report form in a real browser: Debian's chromium, driven through its own
 * chromedriver, headless. Nothing is downloaded: a missing chromedriver fails the tests
 * (CI installs it, see .ci/run).
 */
class ReportFormBrowserTests extends BrowserTest {

	private static final String TRACKING_CODE = "AD-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}";

	private static final String STORED = "select type, channel, notify_owner, details::text from report where tracking_code = :code";

	private static final String REPORTS_BY = "select count(*) from report where reporter_email = :email";

	@Test
	void phishingReportIsSentFromTheChoiceOfTypeToTheReceipt() {
		String host = "shop." + this.catalog.proxiedZone();
		this.pages.open("/report");
		browser().findElement(By.linkText("Phishing or malware")).click();
		this.pages.waitFor(By.id("report-form"));

		fillReporter();
		type("urls", "https://" + host + "/login.php\nhttps://" + host + "/pay.php");
		type("justification", "A fake bank login page harvesting passwords.");
		type("targeted_brand", "Example Bank");
		String code = sendInGoodFaith("send-anon");
		assertThat(browser().findElement(By.id("status-link")).getAttribute("href"))
			.contains("/api/v1/reports/status/" + code + "?secret=");
		assertThat(browser().findElement(By.tagName("main")).getText()).contains("sent a receipt")
			.contains(this.catalog.reporter());
		// the receipt is a page of its own (post/redirect/get): a refresh shows it again
		// and files nothing
		assertThat(browser().getCurrentUrl()).endsWith("/report/received/" + code);
		browser().navigate().refresh();
		assertThat(this.pages.waitFor(By.id("tracking-code")).getText()).isEqualTo(code);
		assertThat(reportsOfTheReporter()).isOne();
		this.pages.assertAccessible("the receipt");
		this.pages.screenshot("report-received");
		Stored stored = stored(code);
		assertThat(stored.type()).isEqualTo("phishing");
		assertThat(stored.channel()).isEqualTo("web");
		assertThat(stored.notifyOwner()).isEqualTo("send-anon");
		assertThat(stored.details()).contains("Example Bank");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(messagesTo(this.catalog.reporter()))
				.anySatisfy((message) -> assertThat(body(message)).contains(code)));

		// the link in the receipt opens the status page in words, with what we wrote to
		// them
		browser().findElement(By.id("status-link")).click();
		assertThat(this.pages.waitFor(By.cssSelector("h1 #tracking-code")).getText()).isEqualTo(code);
		assertThat(browser().findElement(By.id("status-headline")).getText()).isNotBlank();
		assertThat(browser().findElement(By.cssSelector("#messages h3")).getText())
			.isEqualTo("We received your report " + code);
		assertThat(browser().findElement(By.tagName("html")).getText()).doesNotContain("\"tracking_code\"");
	}

	@Test
	void copyrightNoticeIsSentWithEveryElementOfTheStatute() {
		String host = "shop." + this.catalog.proxiedZone();
		this.pages.open("/report/dmca");

		assertThat(browser().findElements(By.cssSelector("input[name=notify_owner][value=send-anon]")))
			.as("a DMCA notice is never forwarded anonymously")
			.isEmpty();
		fillReporter();
		choose("reporter_kind", "rights_holder");
		type("urls", "https://" + host + "/films/copy.mp4");
		type("justification", "A full copy of our film.");
		type("work", "The film 'Example', released 2024.");
		type("rights_holder_name", "Example Pictures Ltd");
		type("rights_holder_address", "1 Film Street, London");
		browser().findElement(By.id("accuracy_statement")).click();
		type("signature", "Rita Reporter");
		String code = sendInGoodFaith("send");
		Stored stored = stored(code);
		assertThat(stored.type()).isEqualTo("dmca");
		assertThat(stored.details()).contains("Example Pictures Ltd", "\"accuracy_statement\": true");
	}

	@Test
	void problemsAreSummarisedLinkedToTheirFieldsAndShownInline() {
		String host = "shop." + this.catalog.proxiedZone();
		this.pages.open("/report/phishing");
		type("reporter_name", "Rita Reporter");
		type("reporter_email", this.catalog.reporter());
		type("email_confirm", "someone-else@reporter.example");
		type("urls", "https://" + host + "/login.php\nhttps://elsewhere.example/page");
		choose("notify_host", "send");
		choose("notify_owner", "send");
		browser().findElement(By.cssSelector("button[type=submit]")).click();

		WebElement summary = this.pages.waitFor(By.cssSelector(".error-summary"));
		assertThat(summary.getAttribute("role")).isEqualTo("alert");
		List<String> targets = summary.findElements(By.tagName("a"))
			.stream()
			.map((link) -> link.getAttribute("href"))
			.map((href) -> href.substring(href.indexOf('#')))
			.toList();
		assertThat(targets).as("in the order of the form")
			.containsSubsequence("#email_confirm", "#urls", "#justification", "#good_faith");
		assertThat(summary.findElement(By.cssSelector("a[href='#justification']")).getText())
			.isEqualTo("Why is this illegal or harmful?: This field is required.");
		for (String target : targets) {
			assertThat(browser().findElements(By.id(target.substring(1)))).as(target).hasSize(1);
		}
		assertThat(inlineError("justification")).contains("This field is required.");
		assertThat(inlineError("email_confirm")).contains("Type the same email address twice.");
		assertThat(inlineError("urls"))
			.contains("https://elsewhere.example/page: All URLs of one report must be on one host name");
		assertThat(browser().findElement(By.id("justification")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser().findElement(By.id("reporter_name")).getAttribute("value")).isEqualTo("Rita Reporter");
		assertThat(browser().findElement(By.id("urls")).getAttribute("value"))
			.contains("https://elsewhere.example/page");
		assertThat(browser().findElement(By.id("notify_owner")).isSelected()).isTrue();

		summary.findElement(By.cssSelector("a[href='#justification']")).click();
		assertThat(browser().switchTo().activeElement().getAttribute("id")).isEqualTo("justification");
		assertThat(reportsOfTheReporter()).isZero();
	}

	@Test
	void everyFormOfEveryTypeLabelsItsFieldsAndGroupsItsChoices() {
		for (String type : List.of("dmca", "trademark", "phishing", "children", "ncsei", "threat", "privacy", "general",
				"legal_order", "registrar_whois")) {
			this.pages.open("/report/" + type);
			List<WebElement> fields = browser().findElements(By
				.cssSelector("#report-form input:not([type=hidden]), #report-form textarea, #report-form select"));
			assertThat(fields).as(type).isNotEmpty();
			for (WebElement field : fields) {
				String id = field.getAttribute("id");
				assertThat(id).as(type + ": a field without id").isNotBlank();
				assertThat(browser().findElements(By.cssSelector("label[for='" + id + "']")))
					.as(type + ": label of " + id)
					.hasSize(1);
				for (String described : field.getAttribute("aria-describedby") == null ? new String[0]
						: field.getAttribute("aria-describedby").split(" ")) {
					assertThat(browser().findElements(By.id(described))).as(type + ": " + described).hasSize(1);
				}
				if ("radio".equals(field.getAttribute("type"))) {
					WebElement fieldset = field.findElement(By.xpath("ancestor::fieldset[1]"));
					assertThat(fieldset.findElement(By.tagName("legend")).getText()).as(type + ": legend of " + id)
						.isNotBlank();
				}
			}
		}
	}

	/**
	 * Asks for the host to be told, the owner as {@code notifyOwner} says, declares good
	 * faith and sends the form: the tracking code of the receipt.
	 */
	private String sendInGoodFaith(String notifyOwner) {
		choose("notify_host", "send");
		choose("notify_owner", notifyOwner);
		browser().findElement(By.id("good_faith")).click();
		browser().findElement(By.cssSelector("button[type=submit]")).click();
		String code = this.pages.waitFor(By.id("tracking-code")).getText();
		assertThat(code).matches(TRACKING_CODE);
		return code;
	}

	private void fillReporter() {
		type("reporter_name", "Rita Reporter");
		type("reporter_email", this.catalog.reporter());
		type("email_confirm", this.catalog.reporter());
	}

	private static void type(String id, String text) {
		WebElement field = browser().findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	/** Chooses an option of a radio group by clicking its label, as a person would. */
	private static void choose(String name, String value) {
		String id = browser().findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"))
			.getAttribute("id");
		browser().findElement(By.cssSelector("label[for='" + id + "']")).click();
	}

	private static String inlineError(String id) {
		return browser().findElement(By.id(id + "-error")).getText();
	}

	record Stored(String type, String channel, String notifyOwner, String details) {
	}

	private Stored stored(String trackingCode) {
		return this.jdbc.sql(STORED).param("code", trackingCode).query(Stored.class).single();
	}

	private long reportsOfTheReporter() {
		return this.jdbc.sql(REPORTS_BY).param("email", this.catalog.reporter()).query(Long.class).single();
	}

}

package org.abusedesk;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's chromium, headless, driven through its own chromedriver, for the browser tests
 * of one class ({@link BrowserTest}): registered as a static {@code @RegisterExtension}
 * field, it starts before the class's first test, with the {@code Accept-Language} of the
 * class's {@link BrowserTest.AcceptLanguage} if it has one, and quits after its last.
 * Nothing is downloaded: a missing chromedriver fails the test (CI installs it, see
 * .ci/run).
 */
public final class Chromium implements BeforeAllCallback, AfterAllCallback {

	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private static final String CHROMIUM = "/usr/bin/chromium";

	private Path profile;

	private WebDriver driver;

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		assertThat(CHROMEDRIVER).as("chromedriver is missing: apt-get install chromium chromium-driver").canRead();
		String acceptLanguages = AnnotationSupport
			.findAnnotation(context.getRequiredTestClass(), BrowserTest.AcceptLanguage.class)
			.map(BrowserTest.AcceptLanguage::value)
			.orElse(null);
		this.profile = Files.createTempDirectory("abusedesk-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + this.profile);
		if (acceptLanguages != null) {
			options.addArguments("--accept-lang=" + acceptLanguages);
			options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", acceptLanguages));
		}
		// the console's messages (content security policy violations among them) for the
		// tests to read
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
	}

	public WebDriver driver() {
		return this.driver;
	}

	/** The pages of the application on {@code port}, in this browser. */
	public BrowserPages pages(int port) {
		return new BrowserPages(this.driver, port);
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		if (this.driver != null) {
			this.driver.quit();
			this.driver = null;
		}
		if (this.profile != null) {
			FileSystemUtils.deleteRecursively(this.profile);
			this.profile = null;
		}
	}

}

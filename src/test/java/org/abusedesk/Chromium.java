package org.abusedesk;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's chromium, headless, driven through its own chromedriver. Nothing is
 * downloaded: a missing chromedriver fails the test (CI installs it, see .ci/run).
 */
public final class Chromium implements AutoCloseable {

	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private static final String CHROMIUM = "/usr/bin/chromium";

	private final Path profile;

	private final WebDriver driver;

	private Chromium(Path profile, WebDriver driver) {
		this.profile = profile;
		this.driver = driver;
	}

	public static Chromium start() throws IOException {
		return start(null);
	}

	/**
	 * A browser whose {@code Accept-Language} is {@code acceptLanguages} (e.g.
	 * {@code de-DE,de}), or the default for {@code null}.
	 */
	public static Chromium start(String acceptLanguages) throws IOException {
		assertThat(CHROMEDRIVER).as("chromedriver is missing: apt-get install chromium chromium-driver").canRead();
		Path profile = Files.createTempDirectory("abusedesk-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + profile);
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
		return new Chromium(profile, new ChromeDriver(service, options));
	}

	public WebDriver driver() {
		return this.driver;
	}

	@Override
	public void close() throws IOException {
		this.driver.quit();
		FileSystemUtils.deleteRecursively(this.profile);
	}

}

package org.abusedesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One browser on the running application, for the browser tests: opening pages, waiting
 * for what they need instead of sleeping (htmx may replace an element between finding and
 * using it), signing in to the console, the accessibility check of a page (axe-core, as
 * vendored by {@code scripts/ensure-axe-core} before the tests) and, with
 * {@code -Dscreenshots=true}, the screenshots in docs/screenshots.
 */
public final class BrowserPages {

	/** What fails a page: axe-core's two highest impacts. */
	private static final Set<String> FAILING = Set.of("serious", "critical");

	private static final Path AXE = Path.of("target/axe-core/axe.min.js");

	private static final Path SCREENSHOTS = Path.of("docs/screenshots");

	private static String axeSource;

	private final WebDriver driver;

	private final int port;

	public BrowserPages(WebDriver driver, int port) {
		this.driver = driver;
		this.port = port;
	}

	public WebDriver driver() {
		return this.driver;
	}

	public void open(String path) {
		this.driver.get("http://127.0.0.1:" + this.port + path);
	}

	public WebElement waitFor(By locator) {
		return wait(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	public <T> T wait(Function<WebDriver, T> condition) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
			.until(condition);
	}

	/** Clicks, finding the element again if htmx replaced it in the meantime. */
	public void click(By locator) {
		wait((driver) -> {
			WebElement element = driver.findElement(locator);
			if (!element.isDisplayed()) {
				return null;
			}
			element.click();
			return true;
		});
	}

	/** Signs in to the console and waits for the queue. */
	public void signIn(String name, String password) {
		this.driver.manage().deleteAllCookies();
		open("/login");
		waitFor(By.id("username")).sendKeys(name);
		this.driver.findElement(By.id("password")).sendKeys(password);
		this.driver.findElement(By.id("sign-in")).click();
		wait(ExpectedConditions.textToBe(By.id("signed-in-as"), name));
	}

	/**
	 * Runs axe-core on the page as it is now and fails on every serious or critical
	 * violation, naming the rule, its help and the elements.
	 */
	public void assertAccessible(String page) {
		assertThat(violations()).as("serious or critical accessibility violations on " + page).isEmpty();
	}

	/** The serious and critical violations axe-core finds on the page as it is now. */
	public List<String> violations() {
		JavascriptExecutor script = (JavascriptExecutor) this.driver;
		this.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		script.executeScript(axe());
		Object answer = script.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { resultTypes: ['violations'] })
					.then((results) => done(JSON.stringify(results.violations)))
					.catch((error) => done('axe failed: ' + error));
				""");
		String json = String.valueOf(answer);
		assertThat(json).as("axe-core ran").doesNotStartWith("axe failed");
		List<String> found = new ArrayList<>();
		for (JsonNode violation : JsonMapper.builder().build().readTree(json)) {
			if (!FAILING.contains(violation.path("impact").asString(""))) {
				continue;
			}
			List<String> targets = new ArrayList<>();
			violation.path("nodes").forEach((node) -> targets.add(node.path("target").toString()));
			found.add(violation.get("impact").asString() + " " + violation.get("id").asString() + ": "
					+ violation.get("help").asString() + " " + targets);
		}
		return found;
	}

	/**
	 * With {@code -Dscreenshots=true}: the page as it is now, its whole height, into
	 * docs/screenshots/{name}.png. Otherwise nothing, so that the normal run does not
	 * rewrite the committed pictures.
	 */
	public void screenshot(String name) {
		if (!Boolean.getBoolean("screenshots")) {
			return;
		}
		JavascriptExecutor script = (JavascriptExecutor) this.driver;
		long height = ((Number) script.executeScript("return document.documentElement.scrollHeight")).longValue();
		Dimension before = this.driver.manage().window().getSize();
		this.driver.manage().window().setSize(new Dimension(1280, (int) Math.min(Math.max(height, 600), 2400)));
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve(name + ".png"),
					((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.driver.manage().window().setSize(before);
		}
	}

	private static synchronized String axe() {
		if (axeSource == null) {
			assertThat(AXE).as("axe-core is missing: the build vendors it (bash scripts/ensure-axe-core target)")
				.isRegularFile();
			try {
				axeSource = Files.readString(AXE);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return axeSource;
	}

}

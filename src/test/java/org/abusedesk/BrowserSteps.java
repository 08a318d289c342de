package org.abusedesk;

import java.time.Duration;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The steps the browser tests take on a page, waiting for what they need instead of
 * sleeping: htmx may replace an element between finding and using it.
 */
public record BrowserSteps(WebDriver browser, int port) {

	/** Opens a path of the application under test. */
	public void open(String path) {
		this.browser.get("http://127.0.0.1:" + this.port + path);
	}

	public WebElement waitFor(By locator) {
		return waitUntil(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	public <T> T waitUntil(Function<WebDriver, T> condition) {
		return new WebDriverWait(this.browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
			.until(condition::apply);
	}

	/** Clicks, finding the element again if htmx replaced it in the meantime. */
	public void click(By locator) {
		waitUntil((driver) -> {
			WebElement element = driver.findElement(locator);
			if (!element.isDisplayed()) {
				return null;
			}
			element.click();
			return true;
		});
	}

}

package org.abusedesk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * A running desk ({@link EdgeDeskTest}) seen in a real browser: one Chromium for the test
 * class, its pages with the session forgotten before each test, and staff of the test's
 * own who sign in to the console.
 */
@Tag("browser")
public abstract class BrowserTest extends EdgeDeskTest {

	/** Started for each test class, reading its {@link AcceptLanguage}. */
	@RegisterExtension
	protected static final Chromium chromium = new Chromium();

	@Autowired
	protected StaffAccounts accounts;

	protected BrowserPages pages;

	/** The languages the browser's visitor reads, first first ({@code de-DE,de}). */
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	public @interface AcceptLanguage {

		String value();

	}

	@BeforeEach
	public void forgetTheSession() {
		this.pages = chromium.pages(this.port);
		browser().manage().deleteAllCookies();
	}

	protected static WebDriver browser() {
		return chromium.driver();
	}

	/**
	 * A staff account of {@code role} for this test, {@code name} and the catalog's id,
	 * with {@link ConsoleSession#PASSWORD}: its user name.
	 */
	protected String newStaff(String name, Role role) {
		String user = name + "-" + this.catalog.id();
		this.accounts.create(user, role, ConsoleSession.PASSWORD);
		return user;
	}

	/** Signs {@code user} (one of {@link #newStaff}) in to the console in the browser. */
	protected void signIn(String user) {
		this.pages.signIn(user, ConsoleSession.PASSWORD);
	}

}

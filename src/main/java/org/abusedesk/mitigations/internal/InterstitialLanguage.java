package org.abusedesk.mitigations.internal;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The words of the phishing warning page in the visitor's language: the first language of
 * their {@code Accept-Language} that the page speaks
 * ({@code i18n/interstitial*.properties}), else English. Nothing else about the visitor
 * is used.
 */
final class InterstitialLanguage {

	static final List<String> SPOKEN = List.of("en", "de", "fr", "nl", "es");

	private static final String BUNDLE = "i18n/interstitial";

	private InterstitialLanguage() {
	}

	/** The language to speak to this visitor. */
	static String of(HttpServletRequest request) {
		if (request.getHeader("Accept-Language") == null) {
			return "en";
		}
		for (Locale locale : Collections.list(request.getLocales())) {
			if (SPOKEN.contains(locale.getLanguage())) {
				return locale.getLanguage();
			}
		}
		return "en";
	}

	/** Every message of the page in {@code language}, by key. */
	static Map<String, String> words(String language) {
		ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE,
				"en".equals(language) ? Locale.ROOT : Locale.forLanguageTag(language),
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
		Map<String, String> words = new LinkedHashMap<>();
		for (String key : Collections.list(bundle.getKeys())) {
			words.put(key, bundle.getString(key));
		}
		return words;
	}

	/** A message with its arguments filled in. */
	static String format(String pattern, Object... arguments) {
		return new MessageFormat(pattern, Locale.ROOT).format(arguments);
	}

}

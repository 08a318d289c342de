package org.abusedesk.mitigations.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.abusedesk.mitigations.MitigationStatus;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The warning page the edge serves in place of a site under an active phishing
 * interstitial. It says in plain words what happened, never who reported it, and tells
 * the owner how to contest, in the visitor's language where the page speaks it
 * ({@link InterstitialLanguage}). No scripts and nothing from elsewhere: its one
 * stylesheet is under the page's own path ({@code /interstitial/assets/}), so an edge
 * that serves {@code /interstitial/} on the phishing site's host name serves it too.
 */
@Controller
class PhishingInterstitial {

	private final MitigationStore mitigations;

	private final String contestUrl;

	private final String leaveUrl;

	PhishingInterstitial(MitigationStore mitigations, MitigationProperties properties) {
		this.leaveUrl = properties.interstitial().leaveUrl();
		this.mitigations = mitigations;
		this.contestUrl = properties.interstitial().contestUrl();
	}

	@GetMapping("/interstitial/{id}")
	String show(@PathVariable long id, Model model, HttpServletRequest request, HttpServletResponse response) {
		var mitigation = this.mitigations.find(id)
			.filter((m) -> "phishing_interstitial".equals(m.type()) && m.status() == MitigationStatus.ACTIVE)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("X-Robots-Tag", "noindex");
		response.setHeader("Vary", "Accept-Language");
		String language = InterstitialLanguage.of(request);
		Map<String, String> words = InterstitialLanguage.words(language);
		// a path prefix in words: a visitor does not read the edge's patterns
		String target = mitigation.target();
		model.addAttribute("site",
				target.endsWith(UrlTargets.PREFIX)
						? target.substring(0, target.length() - UrlTargets.PREFIX.length()) + " " + words.get("under")
						: target);
		model.addAttribute("lang", language);
		model.addAttribute("t", words);
		model.addAttribute("since",
				InterstitialLanguage.format(words.get("since"),
						DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
							.withZone(ZoneOffset.UTC)
							.format(mitigation.effectiveAt())));
		model.addAttribute("reference", InterstitialLanguage.format(words.get("reference"), mitigation.id()));
		model.addAttribute("leaveUrl", this.leaveUrl);
		model.addAttribute("contestUrl", this.contestUrl.isBlank() ? null : this.contestUrl);
		model.addAttribute("mitigationId", mitigation.id());
		return "interstitial/phishing";
	}

}

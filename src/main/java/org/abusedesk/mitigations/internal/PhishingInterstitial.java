package org.abusedesk.mitigations.internal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The warning page the edge serves in place of a site under an active phishing
 * interstitial. It says in plain words what happened, never who reported it, and tells
 * the owner how to contest. Self-contained (no scripts, styles or images from anywhere),
 * so the edge can serve it on the phishing site's own host name.
 */
@Controller
class PhishingInterstitial {

	private final MitigationStore mitigations;

	private final String contestUrl;

	PhishingInterstitial(MitigationStore mitigations,
			@Value("${abusedesk.interstitial.contest-url:}") String contestUrl) {
		this.mitigations = mitigations;
		this.contestUrl = contestUrl;
	}

	@GetMapping("/interstitial/{id}")
	String show(@PathVariable long id, Model model, HttpServletResponse response) {
		var mitigation = this.mitigations.find(id)
			.filter((m) -> "phishing_interstitial".equals(m.type()) && "active".equals(m.status()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("X-Robots-Tag", "noindex");
		// a path prefix in words: a visitor does not read the edge's patterns
		model.addAttribute("site", UrlTargets.describe(mitigation.targetValue()));
		model.addAttribute("since", mitigation.effectiveAt());
		model.addAttribute("contestUrl", this.contestUrl.isBlank() ? null : this.contestUrl);
		model.addAttribute("mitigationId", mitigation.id());
		return "interstitial/phishing";
	}

}

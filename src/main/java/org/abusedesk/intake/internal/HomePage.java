package org.abusedesk.intake.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The front door: where to report abuse, how to follow a report, and where customers and
 * staff sign in.
 */
@Controller
class HomePage {

	@GetMapping("/")
	String home() {
		return "home";
	}

}

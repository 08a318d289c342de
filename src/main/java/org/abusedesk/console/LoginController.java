package org.abusedesk.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security's form login handles the POST. */
@Controller
class LoginController {

	@GetMapping("/login")
	String login() {
		return "console/login";
	}

}

package org.abusedesk.console;

import java.util.stream.Collectors;

import org.abusedesk.cases.CaseWorkException;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How refused case work reaches the browser: a missing case is a 404 and a role that does
 * not allow the step a 403 (the chain let the request in, the case-work API did not); a
 * conflict or bad input is a message on the page the reviewer came from.
 */
final class ConsoleErrors {

	private ConsoleErrors() {
	}

	/** Runs a step; a conflict or invalid input becomes a flash message. */
	static void run(Runnable step, RedirectAttributes redirect, String success) {
		try {
			step.run();
			if (success != null) {
				redirect.addFlashAttribute("message", success);
			}
		}
		catch (CaseWorkException ex) {
			if (ex.kind() == CaseWorkException.Kind.CONFLICT || ex.kind() == CaseWorkException.Kind.INVALID) {
				redirect.addFlashAttribute("error", ex.getMessage());
				return;
			}
			throw asStatus(ex);
		}
	}

	/**
	 * Runs a step of another module's API that answers refusals as problem details:
	 * invalid fields and a conflict or a missing role become the flash message
	 * {@code error}; a missing thing stays a 404.
	 * @return whether the step ran
	 */
	static boolean refusedAsMessage(Runnable step, RedirectAttributes redirect) {
		try {
			step.run();
			return true;
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error",
					ex.errors().stream().map((e) -> e.field() + ": " + e.message()).collect(Collectors.joining(" ")));
		}
		catch (ResponseStatusException ex) {
			if (ex.getStatusCode().value() == 404) {
				throw ex;
			}
			redirect.addFlashAttribute("error", ex.getReason());
		}
		return false;
	}

	private static ResponseStatusException asStatus(CaseWorkException ex) {
		HttpStatus status = switch (ex.kind()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case CONFLICT -> HttpStatus.CONFLICT;
			case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
		};
		return new ResponseStatusException(status, ex.getMessage());
	}

}

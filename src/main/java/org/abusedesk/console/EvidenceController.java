package org.abusedesk.console;

import java.nio.charset.StandardCharsets;

import org.abusedesk.cases.Actor;
import org.abusedesk.cases.CaseView;
import org.abusedesk.cases.CaseWork;
import org.abusedesk.content.EvidenceFindings;
import org.abusedesk.content.ReportContent;
import org.abusedesk.access.Role;
import org.abusedesk.referrals.Preservation;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Evidence files, to staff only. What a reporter uploaded is hostile until proven
 * otherwise: only a detected raster image is shown inline (and the page blurs it until
 * clicked); everything else is a download. The browser may not sniff another type, and
 * the file runs in a sandbox even if opened directly.
 */
@RestController
class EvidenceController {

	private final CaseWork work;

	private final ReportContent content;

	private final Preservation preservation;

	EvidenceController(CaseWork work, ReportContent content, Preservation preservation) {
		this.work = work;
		this.content = content;
		this.preservation = preservation;
	}

	/**
	 * Who may see a file that is on a known-content list: those who decide on it. Others
	 * see that it matched, never the file.
	 */
	static boolean mayRevealKnownContent(Actor actor) {
		return actor.isAny(Role.REVIEWER, Role.SENIOR, Role.LEGAL, Role.ADMIN);
	}

	/**
	 * Evidence on a preservation hold (a confirmed CSAM case) only to {@code legal} and
	 * {@code admin}, each opening audited.
	 */
	@GetMapping("/console/evidence/{id}")
	ResponseEntity<byte[]> evidence(@PathVariable long id, Authentication authentication) {
		if (this.preservation.holdOfEvidence(id).isPresent()) {
			Actor actor = ConsoleActor.of(authentication);
			if (!Preservation.mayAccess(actor.role())) {
				throw new ResponseStatusException(HttpStatus.FORBIDDEN,
						"Evidence " + id + " is preserved for a case; only legal and admins may open it.");
			}
			this.preservation.accessed(id, actor.audit());
		}
		CaseView.EvidenceFile file = this.work.evidence(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No evidence " + id));
		if (!mayRevealKnownContent(ConsoleActor.of(authentication))
				&& this.content.evidence(id).map(EvidenceFindings::known).orElse(false)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"Evidence " + id + " is on a known-content list; only reviewers may see it");
		}
		ContentDisposition disposition = (file.image() ? ContentDisposition.inline() : ContentDisposition.attachment())
			.filename(file.filename(), StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.contentType(
					file.image() ? MediaType.parseMediaType(file.detectedType()) : MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "sandbox")
			.body(file.content());
	}

}

package org.abusedesk.notifications.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.intake.MailReplies;

import org.springframework.stereotype.Component;

/**
 * Threads answers to our messages into their cases: by the Message-ID they answer (the
 * outbox knows which case and report each was about), else by a tracking code. The entry
 * goes into the case's correspondence and its audit stream, so that the case's timeline
 * shows it. What a reporter wrote back keeps their address out of the audit stream, which
 * every staff role reads.
 */
@Component
class MailReplyThreading implements MailReplies {

	private final CorrespondenceStore store;

	private final AuditLog audit;

	MailReplyThreading(CorrespondenceStore store, AuditLog audit) {
		this.store = store;
		this.audit = audit;
	}

	@Override
	public Optional<Long> thread(MailReply reply) {
		Optional<CorrespondenceStore.Sent> sent = this.store.sent(reply.referencedIds());
		Long caseId = sent.map(CorrespondenceStore.Sent::caseId).filter((id) -> id > 0).orElse(null);
		Long reportId = sent.map(CorrespondenceStore.Sent::reportId).filter((id) -> id > 0).orElse(null);
		String party = sent.map((row) -> party(row.kind())).orElse("unknown");
		if (caseId == null) {
			for (long candidate : reply.reportIds()) {
				Optional<Long> found = this.store.caseOf(candidate);
				if (found.isPresent()) {
					caseId = found.get();
					reportId = candidate;
					break;
				}
			}
		}
		if (caseId == null) {
			return Optional.empty();
		}
		long entry = this.store.add(caseId, reportId, reply.mailMessageId(),
				sent.map(CorrespondenceStore.Sent::id).orElse(null), reply.kind(), party, reply.sender(),
				reply.subject(), reply.text());
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("correspondence", entry);
		facts.put("kind", reply.kind());
		facts.put("party", party);
		if (!party.equals("reporter") && reply.sender() != null) {
			facts.put("sender", reply.sender());
		}
		if (reply.subject() != null) {
			facts.put("subject", reply.subject().length() > 200 ? reply.subject().substring(0, 200) : reply.subject());
		}
		facts.put("mail_message", reply.mailMessageId());
		if (reportId != null) {
			facts.put("report", reportId);
		}
		this.audit.append("case:" + caseId, "system", "correspondence.received", facts);
		return Optional.of(caseId);
	}

	private static String party(String kind) {
		return switch (kind) {
			case "forward_to_host", "digest" -> "host";
			case "notify_owner" -> "owner";
			case "notify_reporter" -> "reporter";
			default -> "unknown";
		};
	}

}

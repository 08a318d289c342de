package org.abusedesk.intake.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.abusedesk.intake.DenialReason;
import org.abusedesk.intake.Report;
import org.abusedesk.intake.Reports;

import org.springframework.stereotype.Component;

/**
 * The intake's {@link Reports} for the other modules: reads from {@link ReportLookup},
 * claims and decisions from {@link SubmittedQueue}.
 */
@Component
class IntakeReports implements Reports {

	private final ReportLookup lookup;

	private final SubmittedQueue queue;

	IntakeReports(ReportLookup lookup, SubmittedQueue queue) {
		this.lookup = lookup;
		this.queue = queue;
	}

	@Override
	public Optional<Report> find(long id) {
		return this.lookup.find(id);
	}

	@Override
	public Optional<Report> withStatusSecret(String trackingCode, String secret) {
		return this.lookup.withStatusSecret(trackingCode, secret);
	}

	@Override
	public List<Report> findAll(Collection<Long> ids) {
		return this.lookup.findAll(ids);
	}

	@Override
	public List<Report> aboutAccount(String accountRef, int limit, long beforeId) {
		return this.lookup.aboutAccount(accountRef, limit, beforeId);
	}

	@Override
	public List<Long> claimSubmitted(int limit, Collection<Long> except) {
		return this.queue.claimSubmitted(limit, except);
	}

	@Override
	public Optional<Report> claim(long id) {
		return this.queue.claim(id);
	}

	@Override
	public int countSubmitted(int atMost) {
		return this.queue.countSubmitted(atMost);
	}

	@Override
	public int markAllAccepted(Collection<Long> ids) {
		return this.queue.markAllAccepted(ids);
	}

	@Override
	public List<Long> markAllDenied(Collection<Long> ids, DenialReason reason) {
		return this.queue.markAllDenied(ids, reason);
	}

}

package org.abusedesk.mitigations.internal;

import org.abusedesk.mitigations.Mitigations;
import org.abusedesk.notifications.Outbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.abusedesk.mitigations.Mitigations.Mitigation;
import org.abusedesk.catalog.Accounts;
import org.abusedesk.transparency.CustomerStatements;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the customer (the account that holds the property) is told when one of its
 * mitigations is proposed with a grace period, takes effect, and is lifted or ends: what,
 * where exactly, when, why in plain words, and how to fix or contest it. The changes of
 * one transaction are collected and, before it commits, written to the outbox as one
 * message per case and change (a case with ten reported pages gets one message, not ten),
 * with an idempotency key that names the mitigations and the change, so each is told
 * once.
 */
@Component
class CustomerNotices {

	/** The outbox kind of these messages. */
	static final String KIND = Mitigations.NOTICE_KIND;

	/** The changes a customer hears about. */
	enum Change {

		PROPOSED("proposed"), EFFECTIVE("effective"), LIFTED("lifted");

		private final String wire;

		Change(String wire) {
			this.wire = wire;
		}

		String wire() {
			return this.wire;
		}

	}

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'",
			Locale.ENGLISH);

	private final Accounts accounts;

	private final Outbound outbound;

	private final String publicBaseUrl;

	private final CustomerStatements statements;

	CustomerNotices(Accounts accounts, Outbound outbound, MitigationProperties properties,
			CustomerStatements statements) {
		this.accounts = accounts;
		this.outbound = outbound;
		this.statements = statements;
		this.publicBaseUrl = properties.publicBaseUrl().replaceAll("/+$", "");
	}

	/**
	 * Notes that {@code mitigation} changed; the message is queued before the current
	 * transaction commits (at once without one).
	 */
	void changed(Mitigation mitigation, Change change) {
		if (mitigation.accountRef() == null) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			queue(List.of(new Noted(mitigation, change)));
			return;
		}
		@SuppressWarnings("unchecked")
		List<Noted> pending = (List<Noted>) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			List<Noted> fresh = new ArrayList<>();
			TransactionSynchronizationManager.bindResource(this, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void beforeCommit(boolean readOnly) {
					queue(fresh);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(CustomerNotices.this);
				}

			});
			pending = fresh;
		}
		pending.add(new Noted(mitigation, change));
	}

	private void queue(List<Noted> noted) {
		record Key(long caseId, String accountRef, Change change) {
		}
		Map<Key, List<Mitigation>> groups = new LinkedHashMap<>();
		for (Noted note : noted) {
			Mitigation mitigation = note.mitigation();
			groups
				.computeIfAbsent(new Key(mitigation.caseId(), mitigation.accountRef(), note.change()),
						(key) -> new ArrayList<>())
				.add(mitigation);
		}
		groups.forEach((key, mitigations) -> this.accounts.abuseContact(key.accountRef())
			.flatMap((contact) -> compose(key.caseId(), contact, key.change(), mitigations))
			.ifPresent(this.outbound::queue));
	}

	private Optional<Outbound.Message> compose(long caseId, String recipient, Change change,
			List<Mitigation> mitigations) {
		List<Mitigation> distinct = mitigations.stream()
			.collect(Collectors.toMap(Mitigation::id, (m) -> m, (a, b) -> b, LinkedHashMap::new))
			.values()
			.stream()
			.toList();
		if (distinct.isEmpty()) {
			return Optional.empty();
		}
		String ids = distinct.stream().map((m) -> Long.toString(m.id())).collect(Collectors.joining(","));
		String key = "case:" + caseId + ":" + KIND + ":" + change.wire() + ":" + digest(ids);
		Instant effective = distinct.stream().map(Mitigation::effectiveAt).min(Instant::compareTo).orElseThrow();
		String actions = distinct.stream()
			.map((m) -> TYPE_WORDS.getOrDefault(m.type(), m.type().replace('_', ' ')))
			.distinct()
			.collect(Collectors.joining(" and "));
		List<String> lines = new ArrayList<>();
		lines.add("Hello,");
		lines.add("");
		String subject;
		switch (change) {
			case PROPOSED -> {
				subject = "Action planned on your content from " + when(effective) + " (case " + caseId + ")";
				lines.add("After reviewing a report, we decided on the following action (" + actions
						+ "). It takes effect on " + when(effective) + " unless the problem is fixed before then.");
			}
			case EFFECTIVE -> {
				subject = "Action taken on your content (case " + caseId + ")";
				lines.add("The following action (" + actions + ") took effect on " + when(effective) + ".");
			}
			default -> {
				subject = "Action lifted (case " + caseId + ")";
				lines.add("The following action (" + actions + ") no longer applies: it was lifted or has ended.");
			}
		}
		lines.add("");
		lines.add("Where exactly:");
		for (Mitigation mitigation : distinct) {
			String scope = mitigation.territorialScope().isEmpty() ? ""
					: " (only in " + String.join(", ", mitigation.territorialScope()) + ")";
			lines.add("- " + UrlTargets.describe(mitigation.target()) + scope);
		}
		if (change != Change.LIFTED) {
			lines.add("");
			lines.add("Why:");
			Set<String> statements = new LinkedHashSet<>();
			distinct.forEach((m) -> statements.add(m.statement()));
			statements.forEach((statement) -> lines.add(statement));
			lines.addAll(statementsOfReasons(distinct));
			lines.add("");
			lines.add("How to fix or contest it: if you removed or fixed the content, or you think we are wrong, "
					+ "ask for a review in your customer area at " + this.publicBaseUrl + "/customer (or "
					+ "POST /api/v1/customer/mitigations/{id}/review with the mitigation id "
					+ distinct.stream().map((m) -> Long.toString(m.id())).collect(Collectors.joining(", "))
					+ "). A person who took no part in the decision reviews it and we tell you the outcome.");
		}
		lines.add("");
		lines.add("Every action we take on your account, with its reasons, is listed in your customer area.");
		return Optional
			.of(new Outbound.Message(key, KIND, 0, caseId, recipient, subject, String.join("\n", lines) + "\n"));
	}

	/**
	 * The statement of reasons of each mitigation in plain words (DSA Art. 17), the same
	 * statement the Transparency Database receives: mitigations whose statements read
	 * alike share one block with all their references.
	 */
	private List<String> statementsOfReasons(List<Mitigation> mitigations) {
		Map<List<String>, List<CustomerStatements.CustomerStatement>> alike = new LinkedHashMap<>();
		this.statements.of(mitigations.stream().map(Mitigation::id).toList())
			.values()
			.forEach((statement) -> alike.computeIfAbsent(statement.sentences(), (sentences) -> new ArrayList<>())
				.add(statement));
		List<String> lines = new ArrayList<>();
		alike.forEach((sentences, same) -> {
			lines.add("");
			lines.add("Statement of reasons (DSA Art. 17):");
			sentences.forEach((sentence) -> lines.add("- " + sentence));
			if (same.size() == 1) {
				lines.add("- " + same.get(0).reference());
			}
			else {
				lines.add("- References: "
						+ same.stream()
							.map(CustomerStatements.CustomerStatement::puid)
							.collect(Collectors.joining(", "))
						+ (same.get(0).submitted() ? " (we submit these statements, without your name or any "
								+ "address, to the EU's DSA Transparency Database)." : "."));
			}
		});
		return lines;
	}

	private static final Map<String, String> TYPE_WORDS = Map.of("phishing_interstitial",
			"a warning page in front of the pages", "malware_block", "a block of the files", "content_disable",
			"the content disabled", "legal_block", "a block under a legal order", "emergency_block",
			"an emergency block", "account_suspend", "the account suspended", "zone_terminate",
			"our service for the zone ended");

	private static String when(Instant instant) {
		return WHEN.format(instant.atOffset(ZoneOffset.UTC));
	}

	private static String digest(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Noted(Mitigation mitigation, Change change) {
	}

}

package org.abusedesk.catalog.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.abusedesk.catalog.CatalogChanged;
import org.abusedesk.catalog.CatalogImport;
import org.abusedesk.problems.FieldError;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies catalog documents: validates each account entry, then upserts the valid ones in
 * one transaction. Only real differences are written, so applying the same document again
 * changes nothing (not even the revision).
 */
@Service
class CatalogImporter implements CatalogImport {

	private final CatalogDocumentReader reader = new CatalogDocumentReader();

	private final CatalogRepository repository;

	private final TransactionTemplate transactions;

	private final DeliveryPreferenceStore deliveries;

	private final ApplicationEventPublisher events;

	private final CatalogResolver resolver;

	CatalogImporter(CatalogRepository repository, PlatformTransactionManager transactionManager,
			ApplicationEventPublisher events, CatalogResolver resolver, DeliveryPreferenceStore deliveries) {
		this.repository = repository;
		this.deliveries = deliveries;
		this.transactions = new TransactionTemplate(transactionManager);
		this.events = events;
		this.resolver = resolver;
	}

	@Override
	public Result apply(String json) {
		List<CatalogDocumentReader.Entry> entries = this.reader.read(json);
		Outcome outcome = this.transactions.execute((status) -> store(entries));
		if (outcome.changed()) {
			// after commit, so that this node answers from the new data as soon as we
			// return
			this.resolver.refreshIfLoaded();
		}
		return outcome.result();
	}

	private record Outcome(Result result, boolean changed) {
	}

	private Outcome store(List<CatalogDocumentReader.Entry> entries) {
		this.repository.lockRevision();
		List<RejectedEntry> rejected = new ArrayList<>();
		Map<String, AccountDraft> applied = new LinkedHashMap<>();
		for (CatalogDocumentReader.Entry entry : entries) {
			if (entry.valid()) {
				applied.put(entry.ref(), entry.draft());
			}
			else {
				rejected.add(new RejectedEntry(entry.index(), entry.ref(), entry.errors()));
			}
		}
		rejectConflicts(applied, rejected);
		List<String> changedRefs = write(applied);
		this.deliveries.save(List.copyOf(applied.values()));
		boolean changed = !changedRefs.isEmpty();
		if (changed) {
			long revision = this.repository.bumpRevision();
			this.events.publishEvent(new CatalogChanged(revision, List.copyOf(changedRefs)));
		}
		rejected.sort(Comparator.comparingInt(RejectedEntry::index));
		int properties = applied.values().stream().mapToInt((draft) -> draft.properties().size()).sum();
		return new Outcome(new Result(applied.size(), properties, List.copyOf(rejected)), changed);
	}

	/**
	 * Rejects entries that list a property another account owns. Moving a property
	 * between accounts is allowed when the document also applies the old owner without
	 * it; as rejecting one entry can take that permission away from another, repeat until
	 * stable.
	 */
	private void rejectConflicts(Map<String, AccountDraft> applied, List<RejectedEntry> rejected) {
		List<String> kinds = new ArrayList<>();
		List<String> values = new ArrayList<>();
		Map<String, Set<AccountDraft.PropertyKey>> listed = new LinkedHashMap<>();
		for (AccountDraft draft : applied.values()) {
			Set<AccountDraft.PropertyKey> keys = new HashSet<>();
			for (AccountDraft.PropertyDraft property : draft.properties()) {
				kinds.add(property.kind().wire());
				values.add(property.value());
				keys.add(property.key());
			}
			listed.put(draft.ref(), keys);
		}
		if (kinds.isEmpty()) {
			return;
		}
		Map<AccountDraft.PropertyKey, String> owners = this.repository.findOwners(kinds.toArray(String[]::new),
				values.toArray(String[]::new));
		boolean again = true;
		while (again) {
			again = false;
			for (AccountDraft draft : List.copyOf(applied.values())) {
				List<FieldError> conflicts = new ArrayList<>();
				for (AccountDraft.PropertyDraft property : draft.properties()) {
					String owner = owners.get(property.key());
					boolean released = applied.containsKey(owner) && !listed.get(owner).contains(property.key());
					if (owner != null && !owner.equals(draft.ref()) && !released) {
						conflicts.add(new FieldError(
								"accounts[" + draft.index() + "].properties[" + property.position() + "]."
										+ property.field(),
								"conflict", "'" + property.value() + "' belongs to another account ('" + owner + "')"));
					}
				}
				if (!conflicts.isEmpty()) {
					applied.remove(draft.ref());
					rejected.add(new RejectedEntry(draft.index(), draft.ref(), conflicts));
					again = true;
				}
			}
		}
	}

	/** Writes the differences; returns the refs of the accounts that changed. */
	private List<String> write(Map<String, AccountDraft> applied) {
		if (applied.isEmpty()) {
			return List.of();
		}
		Set<String> changed = new HashSet<>();
		Map<String, CatalogRepository.StoredAccount> stored = this.repository
			.findAccounts(applied.keySet().toArray(String[]::new));
		Map<String, Long> ids = new LinkedHashMap<>();
		for (AccountDraft draft : applied.values()) {
			CatalogRepository.StoredAccount account = stored.get(draft.ref());
			if (account == null) {
				ids.put(draft.ref(), this.repository.insertAccount(draft));
				changed.add(draft.ref());
			}
			else {
				ids.put(draft.ref(), account.id());
				if (!account.sameAs(draft)) {
					this.repository.updateAccount(account.id(), draft);
					changed.add(draft.ref());
				}
			}
		}
		Map<AccountDraft.PropertyKey, CatalogRepository.StoredProperty> existing = this.repository
			.findProperties(ids.values().toArray(Long[]::new));
		Map<AccountDraft.PropertyKey, String> wanted = new LinkedHashMap<>();
		applied.values().forEach((draft) -> draft.properties().forEach((p) -> wanted.put(p.key(), draft.ref())));
		Map<Long, String> refs = new HashMap<>();
		ids.forEach((ref, accountId) -> refs.put(accountId, ref));
		// deletes first: a property moving between accounts must leave before it arrives
		for (CatalogRepository.StoredProperty property : existing.values()) {
			String ref = refs.get(property.accountId());
			if (!ref.equals(wanted.get(property.key()))) {
				this.repository.deleteProperty(property.id());
				changed.add(ref);
			}
		}
		for (AccountDraft draft : applied.values()) {
			long accountId = ids.get(draft.ref());
			for (AccountDraft.PropertyDraft property : draft.properties()) {
				CatalogRepository.StoredProperty current = existing.get(property.key());
				if (current == null || current.accountId() != accountId) {
					this.repository.insertProperty(accountId, property);
					changed.add(draft.ref());
				}
				else if (!current.sameAs(property)) {
					this.repository.updateProperty(current.id(), property);
					changed.add(draft.ref());
				}
			}
		}
		return applied.keySet().stream().filter(changed::contains).toList();
	}

}

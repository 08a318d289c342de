package org.abusedesk.catalog.internal;

import java.util.concurrent.atomic.AtomicReference;

import org.abusedesk.catalog.Resolution;
import org.abusedesk.catalog.Resolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers lookups from an immutable in-memory {@link CatalogIndex}, swapped as a whole
 * when the catalog revision in the database moves (after a local import, or when the
 * poller sees another node's change). Loaded on first use.
 */
@Component
class CatalogResolver implements Resolver {

	private static final Logger log = LoggerFactory.getLogger(CatalogResolver.class);

	private final AtomicReference<CatalogIndex> index = new AtomicReference<>();

	private final CatalogRepository repository;

	private final TransactionTemplate snapshot;

	CatalogResolver(CatalogRepository repository, PlatformTransactionManager transactionManager) {
		this.repository = repository;
		this.snapshot = new TransactionTemplate(transactionManager);
		// one consistent view: the revision we record must match the rows we read
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setReadOnly(true);
	}

	@Override
	public Resolution resolve(String urlHostOrAddress) {
		CatalogIndex current = this.index.get();
		if (current == null) {
			current = refresh();
		}
		return current.resolve(urlHostOrAddress);
	}

	/** Rebuilds the index when the stored revision differs from the loaded one. */
	synchronized CatalogIndex refresh() {
		CatalogIndex current = this.index.get();
		if (current != null && this.repository.currentRevision() == current.revision()) {
			return current;
		}
		long start = System.nanoTime();
		CatalogIndex fresh = this.snapshot.execute((status) -> this.repository.loadIndex());
		this.index.set(fresh);
		log.info("catalog index at revision {}: {} properties, built in {} ms", fresh.revision(), fresh.size(),
				(System.nanoTime() - start) / 1_000_000);
		return fresh;
	}

	/** Like {@link #refresh()}, but leaves an index nobody has asked for yet unloaded. */
	void refreshIfLoaded() {
		if (this.index.get() != null) {
			refresh();
		}
	}

}

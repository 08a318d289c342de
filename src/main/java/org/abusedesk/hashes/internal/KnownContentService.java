package org.abusedesk.hashes.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.hashes.HashAlgorithm;
import org.abusedesk.hashes.KnownContent;
import org.abusedesk.hashes.KnownContentMatch;
import org.abusedesk.hashes.PdqHash;
import org.abusedesk.hashes.PdqHasher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Known content from the database: exact hashes looked up by index, PDQ hashes held in a
 * {@link PdqIndex} that is built again when an import added entries (on this node or
 * another: the highest entry id tells).
 */
@Service
class KnownContentService implements KnownContent {

	/** Lines longer than this are rejected without being read further. */
	static final int MAX_LINE = 200;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final PdqHasher hasher = new PdqHasher();

	private final int pdqMaxDistance;

	private volatile Loaded loaded = new Loaded(-1, new PdqIndex(List.of()), List.of());

	KnownContentService(JdbcClient jdbc, AuditLog audit, HashProperties properties) {
		int pdqMaxDistance = properties.pdqMaxDistance();
		if (pdqMaxDistance < 0 || pdqMaxDistance > PdqIndex.MAX_DISTANCE) {
			throw new IllegalArgumentException("abusedesk.hashes.pdq-max-distance must be 0 to " + PdqIndex.MAX_DISTANCE
					+ ", not " + pdqMaxDistance);
		}
		this.jdbc = jdbc;
		this.audit = audit;
		this.pdqMaxDistance = pdqMaxDistance;
	}

	@Override
	public List<KnownContentMatch> match(byte[] content) {
		if (content == null || content.length == 0) {
			return List.of();
		}
		List<KnownContentMatch> matches = new ArrayList<>();
		exact(HashAlgorithm.MD5, digest("MD5", content), matches);
		exact(HashAlgorithm.SHA256, digest("SHA-256", content), matches);
		Loaded index = current();
		if (index.index.size() > 0) {
			this.hasher.hash(content).ifPresent((result) -> {
				for (int position : index.index.within(result.hash(), this.pdqMaxDistance)) {
					PdqHash listed = index.index.hash(position);
					ListRef list = index.lists.get(position);
					matches.add(new KnownContentMatch(list.name, list.source, HashAlgorithm.PDQ, listed.hex(),
							listed.distance(result.hash()), list.csam));
				}
			});
		}
		matches.sort(Comparator.comparingInt(KnownContentMatch::distance).thenComparing(KnownContentMatch::list));
		return List.copyOf(matches);
	}

	@Override
	@Transactional
	public ImportResult importList(String csv, String list, String source, String actor) {
		if (list == null || list.isBlank() || source == null || source.isBlank()) {
			throw new IllegalArgumentException("a list name and a source are required");
		}
		long listId = this.jdbc.sql("""
				insert into known_hash_list (name, source, csam) values (:name, :source, lower(:source) = 'ncmec')
				on conflict (name) do update set source = known_hash_list.source
				returning id""").param("name", list.strip()).param("source", source.strip()).query(Long.class).single();
		List<String> rejected = new ArrayList<>();
		int imported = 0;
		int already = 0;
		String[] lines = csv.split("\r?\n", -1);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			int number = i + 1;
			if (line.isEmpty() || line.startsWith("#")
					|| (i == 0 && line.toLowerCase(Locale.ROOT).startsWith("algorithm"))) {
				continue;
			}
			if (line.length() > MAX_LINE) {
				rejected.add("line " + number + ": longer than " + MAX_LINE + " characters");
				continue;
			}
			String[] cells = line.split(",", -1);
			HashAlgorithm algorithm = (cells.length >= 2) ? HashAlgorithm.fromWire(cells[0]).orElse(null) : null;
			if (algorithm == null) {
				rejected.add("line " + number + ": expected md5|sha256|pdq,HASH");
				continue;
			}
			String value = cells[1].strip().toLowerCase(Locale.ROOT);
			if (value.length() != algorithm.hexDigits()
					|| !value.chars().allMatch((c) -> Character.digit(c, 16) >= 0)) {
				rejected.add("line " + number + ": a " + algorithm.wire() + " hash is " + algorithm.hexDigits()
						+ " hex digits");
				continue;
			}
			int added = this.jdbc.sql("""
					insert into known_hash (list_id, algorithm, value) values (:list, :algorithm, :value)
					on conflict do nothing""")
				.param("list", listId)
				.param("algorithm", algorithm.wire())
				.param("value", value)
				.update();
			if (added == 1) {
				imported++;
			}
			else {
				already++;
			}
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("list", list.strip());
		details.put("source", source.strip());
		details.put("imported", imported);
		details.put("already_listed", already);
		details.put("rejected", rejected.size());
		this.audit.append("known_hash_list:" + listId, actor, "known_hash_list.imported", details);
		return new ImportResult(imported, already, List.copyOf(rejected));
	}

	private void exact(HashAlgorithm algorithm, String value, List<KnownContentMatch> matches) {
		this.jdbc.sql("""
				select l.name, l.source, l.csam from known_hash h join known_hash_list l on l.id = h.list_id
				where h.algorithm = :algorithm and h.value = :value order by l.name""")
			.param("algorithm", algorithm.wire())
			.param("value", value)
			.query((rs, n) -> new KnownContentMatch(rs.getString(1), rs.getString(2), algorithm, value, 0,
					rs.getBoolean(3)))
			.list()
			.forEach(matches::add);
	}

	/** The PDQ index as of the newest entry; built again when entries were added. */
	private Loaded current() {
		long newest = this.jdbc.sql("select coalesce(max(id), 0) from known_hash where algorithm = 'pdq'")
			.query(Long.class)
			.single();
		Loaded now = this.loaded;
		if (now.newestId == newest) {
			return now;
		}
		synchronized (this) {
			if (this.loaded.newestId != newest) {
				List<PdqHash> hashes = new ArrayList<>();
				List<ListRef> lists = new ArrayList<>();
				Map<Long, ListRef> byId = new LinkedHashMap<>();
				this.jdbc.sql("select id, name, source, csam from known_hash_list")
					.query((rs, n) -> byId.put(rs.getLong(1),
							new ListRef(rs.getString(2), rs.getString(3), rs.getBoolean(4))))
					.list();
				this.jdbc.sql("select list_id, value from known_hash where algorithm = 'pdq' and id <= :newest")
					.param("newest", newest)
					.query((rs) -> {
						hashes.add(PdqHash.parse(rs.getString(2)));
						lists.add(byId.get(rs.getLong(1)));
					});
				this.loaded = new Loaded(newest, new PdqIndex(hashes), List.copyOf(lists));
			}
			return this.loaded;
		}
	}

	static String digest(String algorithm, byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(algorithm + " is required of every Java runtime", ex);
		}
	}

	private record ListRef(String name, String source, boolean csam) {
	}

	private record Loaded(long newestId, PdqIndex index, List<ListRef> lists) {
	}

}

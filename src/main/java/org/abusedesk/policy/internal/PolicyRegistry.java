package org.abusedesk.policy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.policy.InvalidPolicyException;
import org.abusedesk.policy.PolicyDocuments;
import org.abusedesk.policy.PolicyProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored policy versions and the active one. The database decides which version is
 * active (a partial unique index, and an advisory lock around activation), so every node
 * agrees without talking to the others. Compiled versions are cached by version: a
 * version's text never changes, so a cached entry never goes stale.
 */
@Component
class PolicyRegistry {

	static final String DEFAULT_RESOURCE = "/policy/default-policy.yaml";

	/** Arbitrary, fixed: the advisory lock that serialises activations across nodes. */
	private static final long ACTIVATION_LOCK = 0x706f6c6963790001L;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Map<String, CompiledPolicy> compiled = new ConcurrentHashMap<>();

	PolicyRegistry(JdbcClient jdbc, AuditLog audit, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.transactions = transactions;
	}

	/** The active version, compiled; activates the default policy when none is active. */
	CompiledPolicy activeCompiled() {
		PolicyDocuments.ActivePolicy active = active();
		return this.compiled.computeIfAbsent(active.version(), (version) -> compileOrFail(active.document()));
	}

	PolicyDocuments.ActivePolicy active() {
		return findActive().orElseGet(() -> this.transactions.execute((status) -> {
			lock();
			return findActive().orElseGet(() -> store(defaultDocument(), "system"));
		}));
	}

	PolicyDocuments.ActivePolicy activate(String yaml, String author) {
		compileOrFail(yaml);
		return this.transactions.execute((status) -> {
			lock();
			return store(yaml, author);
		});
	}

	/** Stores (if new) and activates a valid document; the caller holds the lock. */
	private PolicyDocuments.ActivePolicy store(String yaml, String author) {
		CompiledPolicy policy = compileOrFail(yaml);
		String version = policy.version();
		Optional<String> stored = this.jdbc.sql("select document from policy_version where version = :version")
			.param("version", version)
			.query(String.class)
			.optional();
		if (stored.isPresent() && !stored.get().equals(yaml)) {
			throw new InvalidPolicyException(List.of(new PolicyProblem(0, 0, "version " + version
					+ " is already stored with a different document; give the draft a new version")));
		}
		Optional<String> previous = this.jdbc.sql("select version from policy_version where active")
			.query(String.class)
			.optional();
		if (previous.isPresent() && previous.get().equals(version)) {
			return findActive().orElseThrow();
		}
		String sha256 = sha256(yaml);
		if (stored.isEmpty()) {
			this.jdbc.sql("""
					insert into policy_version (version, document, sha256, author)
					values (:version, :document, :sha256, :author)""")
				.param("version", version)
				.param("document", yaml)
				.param("sha256", sha256)
				.param("author", author)
				.update();
		}
		this.jdbc.sql("update policy_version set active = false where active").update();
		this.jdbc.sql("""
				update policy_version set active = true, activated_at = now(), author = :author
				where version = :version""").param("version", version).param("author", author).update();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("version", version);
		details.put("previous_version", previous.orElse(null));
		details.put("sha256", sha256);
		this.audit.append("policy", author, "policy.activated", details);
		this.compiled.putIfAbsent(version, policy);
		return findActive().orElseThrow();
	}

	/** Every stored version, the latest stored first, at most 500. */
	List<PolicyDocuments.PolicyVersion> versions() {
		return this.jdbc.sql("""
				select version, author, created_at, activated_at, active, sha256 from policy_version
				order by created_at desc, version limit 500""")
			.query((rs, row) -> new PolicyDocuments.PolicyVersion(rs.getString("version"), rs.getString("author"),
					rs.getTimestamp("created_at").toInstant(),
					(rs.getTimestamp("activated_at") != null) ? rs.getTimestamp("activated_at").toInstant() : null,
					rs.getBoolean("active"), rs.getString("sha256")))
			.list();
	}

	private Optional<PolicyDocuments.ActivePolicy> findActive() {
		return this.jdbc.sql("select version, author, activated_at, document from policy_version where active")
			.query((rs, row) -> new PolicyDocuments.ActivePolicy(rs.getString("version"), rs.getString("author"),
					rs.getTimestamp("activated_at").toInstant(), rs.getString("document")))
			.optional();
	}

	private void lock() {
		this.jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", ACTIVATION_LOCK).query().singleRow();
	}

	static CompiledPolicy compileOrFail(String yaml) {
		PolicyCompiler.Compilation compilation = PolicyCompiler.compile(yaml);
		if (!compilation.valid()) {
			throw new InvalidPolicyException(compilation.problems());
		}
		return compilation.policy();
	}

	static String defaultDocument() {
		try (InputStream in = PolicyRegistry.class.getResourceAsStream(DEFAULT_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("missing " + DEFAULT_RESOURCE);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

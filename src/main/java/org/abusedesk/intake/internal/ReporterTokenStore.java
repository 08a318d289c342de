package org.abusedesk.intake.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.abusedesk.intake.ReporterKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReporterTokenStore {

	record ReporterTokenView(long id, String label, String reporterKind, String name, String email, String organisation,
			Instant createdAt, Instant revokedAt) {
	}

	private final JdbcClient jdbc;

	ReporterTokenStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Registers a token and answers its id; the secret itself is not stored. */
	long create(String secret, String label, ReporterKind kind, String name, String email, String organisation) {
		return this.jdbc.sql("""
				insert into reporter_token (token_hash, label, reporter_kind, name, email, organisation)
				values (:hash, :label, :kind, :name, :email, :organisation) returning id""")
			.param("hash", StatusSecrets.hash(secret))
			.param("label", label)
			.param("kind", kind.wire())
			.param("name", name)
			.param("email", email)
			.param("organisation", organisation)
			.query(Long.class)
			.single();
	}

	Optional<ReporterCredential> find(String secret) {
		return this.jdbc.sql("""
				select id, label, reporter_kind, name, email, organisation from reporter_token
				where token_hash = :hash and revoked_at is null""")
			.param("hash", StatusSecrets.hash(secret))
			.query((rs, n) -> new ReporterCredential(rs.getLong("id"), rs.getString("label"),
					ReporterKind.fromWire(rs.getString("reporter_kind")).orElseThrow(), rs.getString("name"),
					rs.getString("email"), rs.getString("organisation")))
			.optional();
	}

	List<ReporterTokenView> list() {
		return this.jdbc.sql("select * from reporter_token order by id")
			.query((rs, n) -> new ReporterTokenView(rs.getLong("id"), rs.getString("label"),
					rs.getString("reporter_kind"), rs.getString("name"), rs.getString("email"),
					rs.getString("organisation"), rs.getTimestamp("created_at").toInstant(),
					(rs.getTimestamp("revoked_at") != null) ? rs.getTimestamp("revoked_at").toInstant() : null))
			.list();
	}

	boolean revoke(long id) {
		return this.jdbc.sql("update reporter_token set revoked_at = now() where id = :id and revoked_at is null")
			.param("id", id)
			.update() == 1;
	}

}

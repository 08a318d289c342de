package org.abusedesk.identity.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffMember;
import org.abusedesk.identity.StaffTokens;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code api_token} table: staff tokens, stored as SHA-256 hashes only. Every issue
 * and revocation is audited in the stream {@code staff_token:<id>}.
 */
@Repository
class StaffTokenStore implements StaffTokens {

	/**
	 * The bootstrap variables a token can come from: a start with another value revokes
	 * the token of the previous one.
	 */
	enum Bootstrap {

		ADMIN("admin"), EDGE("edge");

		final String wire;

		Bootstrap(String wire) {
			this.wire = wire;
		}

	}

	/**
	 * What an admin sees of a staff token: never its secret or hash.
	 *
	 * @param bootstrap {@code admin} or {@code edge} for a token registered from
	 * {@code ABUSEDESK_ADMIN_TOKEN} or {@code ABUSEDESK_EDGE_TOKEN} (or generated in the
	 * demo), else {@code null}
	 * @param revokedAt {@code null} while the token is live
	 */
	record StaffTokenView(long id, String label, String role, String holder, String bootstrap, Instant createdAt,
			Instant expiresAt, Instant revokedAt) {
	}

	/**
	 * A token just issued.
	 *
	 * @param id its id
	 * @param secret the token, shown once
	 */
	record Issued(long id, String secret) {
	}

	/**
	 * @param secret the registered token
	 * @param id its id
	 * @param live false when the configured token had been revoked before (it stays
	 * revoked)
	 * @param revoked the ids of the previous tokens of this bootstrap variable revoked
	 * now
	 */
	record Registered(String secret, long id, boolean live, List<Long> revoked) {
	}

	/** The outcome of a revocation over the API. */
	enum Revocation {

		REVOKED, NOT_FOUND, LAST_ADMIN_TOKEN

	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	StaffTokenStore(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Override
	@Transactional
	public String issue(String userName, Role role, String label, String secret) {
		String token = (secret != null) ? secret : TokenHash.newSecret();
		insert(userName, role, label, token, null, "system", null);
		return token;
	}

	/**
	 * Issues a new token, creating its holder without a password when missing.
	 * @param actor who issues it, for the audit log
	 * @param expiresAt when it stops working, or {@code null} for never
	 */
	@Transactional
	Issued issue(String userName, Role role, String label, String actor, Instant expiresAt) {
		String token = TokenHash.newSecret();
		long id = insert(userName, role, label, token, null, actor, expiresAt).orElseThrow();
		return new Issued(id, token);
	}

	/**
	 * Registers the token of a bootstrap variable and revokes every other live token of
	 * that variable: the tokens of its previous values. A configured token that was
	 * revoked before stays revoked.
	 */
	@Transactional
	Registered registerBootstrap(String userName, Role role, Bootstrap bootstrap, String label, String secret) {
		String token = (secret != null) ? secret : TokenHash.newSecret();
		insert(userName, role, label, token, bootstrap, "system", null);
		// the configured token's row: inserted now, or there from an earlier start
		Map<String, Object> row = this.jdbc
			.sql("select id, revoked_at is null as live from api_token where token_hash = :hash")
			.param("hash", TokenHash.of(token))
			.query()
			.listOfRows()
			.get(0);
		long id = ((Number) row.get("id")).longValue();
		List<Long> previous = this.jdbc.sql("""
				update api_token set revoked_at = now()
				where bootstrap = :bootstrap and revoked_at is null and id <> :id
				returning id""").param("bootstrap", bootstrap.wire).param("id", id).query(Long.class).list();
		for (long revoked : previous) {
			this.audit.append("staff_token:" + revoked, "system", "staff_token.revoked",
					Map.of("reason", "rotated", "bootstrap", bootstrap.wire, "replaced_by", id));
		}
		return new Registered(token, id, Boolean.TRUE.equals(row.get("live")), previous);
	}

	private Optional<Long> insert(String userName, Role role, String label, String token, Bootstrap bootstrap,
			String actor, Instant expiresAt) {
		this.jdbc.sql("insert into staff_user (name, role) values (:name, :role) on conflict (name) do nothing")
			.param("name", userName)
			.param("role", role.wire())
			.update();
		Optional<Long> id = this.jdbc.sql("""
				insert into api_token (token_hash, staff_user_id, label, bootstrap, expires_at)
				select :hash, id, :label, :bootstrap, :expires from staff_user where name = :name
				on conflict (token_hash) do nothing
				returning id""")
			.param("hash", TokenHash.of(token))
			.param("label", label)
			.param("bootstrap", (bootstrap != null) ? bootstrap.wire : null)
			.param("name", userName)
			.param("expires", (expiresAt != null) ? OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC) : null)
			.query(Long.class)
			.optional();
		id.ifPresent((issued) -> {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("holder", userName);
			details.put("label", label);
			if (bootstrap != null) {
				details.put("bootstrap", bootstrap.wire);
			}
			if (expiresAt != null) {
				details.put("expires_at", expiresAt.toString());
			}
			this.audit.append("staff_token:" + issued, actor, "staff_token.issued", details);
		});
		return id;
	}

	/**
	 * The staff member a token belongs to, unless it is unknown, revoked or expired, or
	 * its holder is disabled.
	 */
	Optional<StaffPrincipal> findByToken(String secret) {
		return this.jdbc.sql("""
				select u.name, u.role from api_token t join staff_user u on u.id = t.staff_user_id
				where t.token_hash = :hash and t.revoked_at is null and (t.expires_at is null or t.expires_at > now())
				  and u.disabled_at is null""")
			.param("hash", TokenHash.of(secret))
			.query((rs, n) -> new StaffPrincipal(rs.getString("name"),
					Role.fromWire(rs.getString("role")).orElseThrow()))
			.optional();
	}

	/**
	 * A page of tokens, newest first.
	 * @param beforeId only tokens with a smaller id; {@link Long#MAX_VALUE} for the
	 * newest
	 */
	List<StaffTokenView> list(long beforeId, int limit) {
		return this.jdbc.sql("""
				select t.id, t.label, u.role, u.name, t.bootstrap, t.created_at, t.expires_at, t.revoked_at
				from api_token t join staff_user u on u.id = t.staff_user_id
				where t.id < :before order by t.id desc limit :limit""")
			.param("before", beforeId)
			.param("limit", limit)
			.query((rs, n) -> new StaffTokenView(rs.getLong("id"), rs.getString("label"), rs.getString("role"),
					rs.getString("name"), rs.getString("bootstrap"),
					instant(rs.getObject("created_at", OffsetDateTime.class)),
					instant(rs.getObject("expires_at", OffsetDateTime.class)),
					instant(rs.getObject("revoked_at", OffsetDateTime.class))))
			.list();
	}

	/**
	 * The newest tokens not revoked of these users, at most {@code perUser} each, and how
	 * many each holds in all.
	 */
	Map<Long, HeldTokens> heldBy(List<Long> userIds, int perUser) {
		Map<Long, HeldTokens> held = new LinkedHashMap<>();
		if (userIds.isEmpty()) {
			return held;
		}
		this.jdbc.sql("""
				select * from (
				    select t.staff_user_id, t.id, t.label, t.created_at, t.expires_at, t.bootstrap,
				        t.expires_at is not null and t.expires_at <= now() as expired,
				        row_number() over (partition by t.staff_user_id order by t.id desc) as n,
				        count(*) over (partition by t.staff_user_id) as total
				    from api_token t where t.staff_user_id in (:users) and t.revoked_at is null) held
				where n <= :per order by staff_user_id, id desc""")
			.param("users", userIds)
			.param("per", perUser)
			.query((rs) -> {
				int total = rs.getInt("total");
				HeldTokens tokens = held.computeIfAbsent(rs.getLong("staff_user_id"),
						(user) -> new HeldTokens(new ArrayList<>(), total));
				tokens.tokens()
					.add(new StaffMember.Token(rs.getLong("id"), rs.getString("label"),
							instant(rs.getObject("created_at", OffsetDateTime.class)),
							instant(rs.getObject("expires_at", OffsetDateTime.class)), rs.getString("bootstrap"),
							rs.getBoolean("expired")));
			});
		return held;
	}

	/**
	 * @param tokens the newest tokens shown
	 * @param total how many tokens not revoked the user holds
	 */
	record HeldTokens(List<StaffMember.Token> tokens, int total) {
	}

	private static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	/**
	 * Revokes a live token, unless it is the last live token of an admin: then nobody
	 * could manage tokens over the API any more (rotate {@code ABUSEDESK_ADMIN_TOKEN}
	 * instead). The live admin tokens are locked first, so that two admins revoking the
	 * last two at once cannot both succeed.
	 * @param actor who revokes, for the audit log
	 */
	@Transactional
	Revocation revoke(long id, String actor) {
		List<Long> liveAdminTokens = this.jdbc.sql("""
				select t.id from api_token t join staff_user u on u.id = t.staff_user_id
				where u.role = 'admin' and t.revoked_at is null and u.disabled_at is null
				  and (t.expires_at is null or t.expires_at > now())
				order by t.id for update of t""").query(Long.class).list();
		List<Long> token = this.jdbc.sql("select id from api_token where id = :id and revoked_at is null for update")
			.param("id", id)
			.query(Long.class)
			.list();
		if (token.isEmpty()) {
			return Revocation.NOT_FOUND;
		}
		if (liveAdminTokens.size() == 1 && liveAdminTokens.get(0) == id) {
			return Revocation.LAST_ADMIN_TOKEN;
		}
		this.jdbc.sql("update api_token set revoked_at = now() where id = :id").param("id", id).update();
		this.audit.append("staff_token:" + id, actor, "staff_token.revoked", Map.of("reason", "revoked"));
		return Revocation.REVOKED;
	}

}

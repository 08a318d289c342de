package org.abusedesk.identity.internal;

import java.util.Optional;

import org.abusedesk.identity.Role;
import org.abusedesk.identity.StaffTokens;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class StaffTokenStore implements StaffTokens {

	private final JdbcClient jdbc;

	StaffTokenStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public String issue(String userName, Role role, String label, String secret) {
		String token = (secret != null) ? secret : TokenHash.newSecret();
		this.jdbc.sql("insert into staff_user (name, role) values (:name, :role) on conflict (name) do nothing")
			.param("name", userName)
			.param("role", role.wire())
			.update();
		this.jdbc.sql("""
				insert into api_token (token_hash, staff_user_id, label)
				select :hash, id, :label from staff_user where name = :name
				on conflict (token_hash) do nothing""")
			.param("hash", TokenHash.of(token))
			.param("label", label)
			.param("name", userName)
			.update();
		return token;
	}

	/** The staff member a token belongs to, unless it is unknown or revoked. */
	Optional<StaffPrincipal> findByToken(String secret) {
		return this.jdbc.sql("""
				select u.name, u.role from api_token t join staff_user u on u.id = t.staff_user_id
				where t.token_hash = :hash and t.revoked_at is null""")
			.param("hash", TokenHash.of(secret))
			.query((rs, n) -> new StaffPrincipal(rs.getString("name"),
					Role.fromWire(rs.getString("role")).orElseThrow()))
			.optional();
	}

}

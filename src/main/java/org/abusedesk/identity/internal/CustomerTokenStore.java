package org.abusedesk.identity.internal;

import java.util.Optional;

import org.abusedesk.identity.Customer;
import org.abusedesk.identity.CustomerTokens;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code customer_token} table: hashes only, like staff tokens. */
@Repository
class CustomerTokenStore implements CustomerTokens {

	private final JdbcClient jdbc;

	CustomerTokenStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public IssuedToken issue(String accountRef, String label) {
		String token = TokenHash.newSecret();
		long id = this.jdbc.sql("""
				insert into customer_token (token_hash, account_ref, label) values (:hash, :account, :label)
				returning id""")
			.param("hash", TokenHash.of(token))
			.param("account", accountRef)
			.param("label", label)
			.query(Long.class)
			.single();
		return new IssuedToken(id, token);
	}

	/**
	 * @return whether a live token was revoked
	 */
	boolean revoke(long id) {
		return this.jdbc.sql("update customer_token set revoked_at = now() where id = :id and revoked_at is null")
			.param("id", id)
			.update() == 1;
	}

	/** The customer a token belongs to, unless it is unknown or revoked. */
	Optional<Customer> findByToken(String secret) {
		return signIn(secret).map(SignedIn::customer);
	}

	/**
	 * A token's customer and id (kept in a web session, to end it when the token is
	 * revoked), unless it is unknown or revoked.
	 */
	Optional<SignedIn> signIn(String secret) {
		return this.jdbc
			.sql("select id, account_ref from customer_token where token_hash = :hash and revoked_at is null")
			.param("hash", TokenHash.of(secret))
			.query((rs, n) -> new SignedIn(rs.getLong("id"), new Customer(rs.getString("account_ref"))))
			.optional();
	}

	/** Whether a token is still live: one look-up by primary key. */
	boolean isLive(long id) {
		return this.jdbc.sql("select count(*) from customer_token where id = :id and revoked_at is null")
			.param("id", id)
			.query(Long.class)
			.single() == 1;
	}

	/**
	 * @param tokenId the token signed in with
	 */
	record SignedIn(long tokenId, Customer customer) {
	}

}

package org.abusedesk.identity;

/**
 * Issues API tokens to customers (catalog accounts). The secret is returned once and
 * stored only as a hash.
 */
public interface CustomerTokens {

	/**
	 * Issues a token for an account.
	 * @param accountRef the catalog account's ref
	 * @param label what the token is for, shown to admins
	 * @return the id of the token and its secret
	 */
	IssuedToken issue(String accountRef, String label);

	/**
	 * @param id the token's id, to revoke it by
	 * @param token the secret, shown once
	 */
	record IssuedToken(long id, String token) {
	}

}

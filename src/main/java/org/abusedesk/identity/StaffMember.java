package org.abusedesk.identity;

import org.abusedesk.access.Role;

import java.time.Instant;
import java.util.List;

/**
 * A staff user as an admin sees it: never a password, a token secret or a hash.
 *
 * @param id the user's id
 * @param name the unique name the user signs in with
 * @param role the user's role; every token of the user carries it
 * @param disabled whether the user is disabled (cannot sign in, tokens refused)
 * @param hasPassword whether the user may sign in to the console (API-only users such as
 * {@code edge} have none)
 * @param createdAt when the user was created
 * @param lastSignInAt the last console sign-in, or {@code null} if unknown
 * @param tokens the newest {@link StaffAccounts#TOKENS_SHOWN} tokens not revoked, newest
 * first
 * @param moreTokens how many more tokens not revoked the user holds
 */
public record StaffMember(long id, String name, Role role, boolean disabled, boolean hasPassword, Instant createdAt,
		Instant lastSignInAt, List<Token> tokens, int moreTokens) {

	public StaffMember {
		tokens = List.copyOf(tokens);
	}

	/** {@code disabled} or {@code active}. */
	public String status() {
		return this.disabled ? "disabled" : "active";
	}

	/**
	 * A staff token as an admin sees it.
	 *
	 * @param id the token's id
	 * @param label what it is for
	 * @param createdAt when it was issued
	 * @param expiresAt when it stops working, or {@code null} for never
	 * @param bootstrap {@code admin} or {@code edge} for a token from a bootstrap
	 * variable, else {@code null}
	 * @param expired whether it has expired
	 */
	public record Token(long id, String label, Instant createdAt, Instant expiresAt, String bootstrap,
			boolean expired) {

		/** {@code live} or {@code expired}. */
		public String status() {
			return this.expired ? "expired" : "live";
		}

	}

	/**
	 * A token just issued: the secret is shown this once and stored only as a hash. Not
	 * {@link java.io.Serializable} on purpose: carried to the next page in the session,
	 * it is never written out with one.
	 *
	 * @param id the token's id, to revoke it by
	 * @param holder the staff user's name
	 * @param role the role it carries
	 * @param expiresAt when it stops working, or {@code null} for never
	 * @param secret the token
	 */
	public record IssuedToken(long id, String holder, Role role, Instant expiresAt, String secret) {

		@Override
		public String toString() {
			return "IssuedToken[id=" + this.id + ", holder=" + this.holder + ", role=" + this.role + "]";
		}

	}

}

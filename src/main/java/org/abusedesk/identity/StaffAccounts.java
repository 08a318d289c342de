package org.abusedesk.identity;

import org.abusedesk.access.Role;

import java.util.List;
import java.util.Optional;

/**
 * Staff accounts: users who sign in to the console with a password, and the API tokens of
 * every staff role. Only a hash of a password is stored ({@code {bcrypt}} by default,
 * through a delegating encoder so that the algorithm can change without invalidating
 * stored hashes) and only the SHA-256 of a token. Every step of an admin (the methods
 * taking an {@code actor}) is audited in the stream {@code staff_user:<name>} (tokens in
 * {@code staff_token:<id>}).
 */
public interface StaffAccounts {

	/** The shortest password accepted. */
	int MIN_PASSWORD = 12;

	/** The longest password accepted (bcrypt reads 72 bytes). */
	int MAX_PASSWORD = 72;

	/** The longest name of a staff user. */
	int MAX_NAME = 64;

	/** The longest lifetime of a token with an expiry, in days. */
	int MAX_TOKEN_DAYS = 3650;

	/** How many tokens {@link #list} shows per user. */
	int TOKENS_SHOWN = 20;

	/** The most users {@link #list} returns at once. */
	int MAX_PAGE = 200;

	/**
	 * Creates the staff user if missing (keeping an existing user's role) and sets its
	 * password; not audited (the demo and tests).
	 * @param userName the staff user's unique name
	 * @param role the role of a newly created user
	 * @param password the password in clear; at least 12 characters
	 * @throws IllegalArgumentException when the password is too short
	 */
	void create(String userName, Role role, String password);

	/**
	 * Sets the password of an existing staff user; not audited (the demo and tests).
	 * @return whether the user exists
	 * @throws IllegalArgumentException when the password is too short
	 */
	boolean setPassword(String userName, String password);

	/**
	 * Adds a staff user who signs in with a password.
	 * @param actor who adds it, for the audit log ({@code cli}, {@code staff:<name>})
	 * @return the new user
	 * @throws StaffAccountException INVALID for a bad name or password or the role
	 * {@code edge} (not a person: give it a token), CONFLICT when the name is taken
	 */
	StaffMember add(String userName, Role role, String password, String actor);

	/**
	 * Sets a user's password (also for a user who had none).
	 * @throws StaffAccountException NOT_FOUND, INVALID for a bad password or an
	 * {@code edge} user
	 */
	void changePassword(String userName, String password, String actor);

	/**
	 * Disables a user: it cannot sign in, its console sessions end at their next request
	 * and its tokens are refused, until it is enabled again. Idempotent.
	 * @throws StaffAccountException NOT_FOUND
	 */
	void disable(String userName, String actor);

	/**
	 * Enables a disabled user again. Idempotent.
	 * @throws StaffAccountException NOT_FOUND
	 */
	void enable(String userName, String actor);

	/**
	 * Issues an API token. The user is created (without a password) when missing, so that
	 * systems get tokens of their own.
	 * @param role the holder's role: required for a new user, and when given it must be
	 * the existing user's role (a token carries its holder's role)
	 * @param label what the token is for
	 * @param expiresInDays 1 to {@link #MAX_TOKEN_DAYS}, or {@code null} for no expiry
	 * @throws StaffAccountException INVALID (name, role, label, expiry), NOT_FOUND
	 * without a role for a missing user, CONFLICT for another role or a disabled user
	 */
	StaffMember.IssuedToken issueToken(String userName, Role role, String label, Integer expiresInDays, String actor);

	/**
	 * Revokes a live token.
	 * @throws StaffAccountException NOT_FOUND for an unknown or revoked token, CONFLICT
	 * for the last live admin token
	 */
	void revokeToken(long tokenId, String actor);

	/**
	 * A page of staff users by name.
	 * @param namePrefix only names starting so, or {@code null} for all
	 * @param afterName only names after this one, or {@code null} from the first
	 * @param limit 1 to {@link #MAX_PAGE}
	 */
	List<StaffMember> list(String namePrefix, String afterName, int limit);

	/** One staff user by id. */
	Optional<StaffMember> find(long id);

	/** One staff user by name. */
	Optional<StaffMember> find(String userName);

}

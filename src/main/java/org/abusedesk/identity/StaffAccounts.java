package org.abusedesk.identity;

/**
 * Staff accounts that sign in to the console with a password. Only a hash of the password
 * is stored ({@code {bcrypt}} by default, through a delegating encoder so that the
 * algorithm can change without invalidating stored hashes).
 */
public interface StaffAccounts {

	/**
	 * Creates the staff user if missing (keeping an existing user's role) and sets its
	 * password.
	 * @param userName the staff user's unique name
	 * @param role the role of a newly created user
	 * @param password the password in clear; at least 12 characters
	 * @throws IllegalArgumentException when the password is too short
	 */
	void create(String userName, Role role, String password);

	/**
	 * Sets the password of an existing staff user.
	 * @return whether the user exists
	 * @throws IllegalArgumentException when the password is too short
	 */
	boolean setPassword(String userName, String password);

}

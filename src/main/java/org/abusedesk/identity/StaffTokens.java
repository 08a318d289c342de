package org.abusedesk.identity;

import org.abusedesk.access.Role;

/**
 * Issues API tokens to staff. The secret is returned once and stored only as a hash.
 */
public interface StaffTokens {

	/**
	 * Creates the staff user if missing (keeping an existing user's role) and issues a
	 * token for it.
	 * @param userName the staff user's unique name
	 * @param role the role of a newly created user
	 * @param label what the token is for, shown to admins
	 * @param secret the token to register, or {@code null} to generate one
	 * @return the token secret
	 */
	String issue(String userName, Role role, String label, String secret);

}

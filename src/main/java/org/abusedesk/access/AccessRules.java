package org.abusedesk.access;

import java.util.List;

/**
 * A module's access rules, kept next to its controllers. Each module with endpoints
 * declares one bean; {@code identity} gathers them into its chains (bearer tokens for the
 * API, the signed-in session for the console) and denies whatever none of them names, so
 * a new endpoint stays closed until its module says who may use it.
 */
public interface AccessRules {

	/** Who may call the module's endpoints under {@code /api/}, {@code /actuator/}. */
	default List<Access> api() {
		return List.of();
	}

	/** Who may open the module's console pages and send their forms. */
	default List<Access> console() {
		return List.of();
	}

}

package org.abusedesk.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffAccountException;
import org.abusedesk.identity.StaffAccountException.Kind;
import org.abusedesk.identity.StaffAccounts;
import org.abusedesk.identity.StaffMember;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts as admins manage them, from the command line and the console: checks the
 * input, writes through {@link StaffAccountStore} and {@link StaffTokenStore}, and audits
 * every step in {@code staff_user:<name>}.
 */
@Service
class StaffDirectory implements StaffAccounts {

	/** Letters, digits and {@code . _ @ -}, 1 to 64 of them. */
	static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1," + MAX_NAME + "}");

	static final int MAX_LABEL = 200;

	private final StaffAccountStore users;

	private final StaffTokenStore tokens;

	private final AuditLog audit;

	StaffDirectory(StaffAccountStore users, StaffTokenStore tokens, AuditLog audit) {
		this.users = users;
		this.tokens = tokens;
		this.audit = audit;
	}

	@Override
	@Transactional
	public void create(String userName, Role role, String password) {
		this.users.create(userName, role, password);
	}

	@Override
	@Transactional
	public boolean setPassword(String userName, String password) {
		return this.users.setPassword(userName, password);
	}

	@Override
	@Transactional
	public StaffMember add(String userName, Role role, String password, String actor) {
		checkName(userName);
		if (role == null) {
			throw new StaffAccountException(Kind.INVALID, "role", "Choose a role.");
		}
		if (role == Role.EDGE) {
			throw new StaffAccountException(Kind.INVALID, "role",
					"edge is not a person and never signs in: issue it a token instead.");
		}
		checkPassword(password);
		this.users.insert(userName, role, password)
			.orElseThrow(() -> new StaffAccountException(Kind.CONFLICT, "name",
					"A staff user named " + userName + " exists already."));
		this.audit.append(stream(userName), actor, "staff_user.added", Map.of("role", role.wire()));
		return find(userName).orElseThrow();
	}

	@Override
	@Transactional
	public void changePassword(String userName, String password, String actor) {
		StaffAccountStore.Row user = existing(userName);
		if (user.role() == Role.EDGE) {
			throw new StaffAccountException(Kind.INVALID, "name", "edge never signs in: it has no password.");
		}
		checkPassword(password);
		this.users.setPassword(userName, password);
		this.audit.append(stream(userName), actor, "staff_user.password_set", Map.of());
	}

	@Override
	@Transactional
	public void disable(String userName, String actor) {
		setDisabled(userName, true, actor);
	}

	@Override
	@Transactional
	public void enable(String userName, String actor) {
		setDisabled(userName, false, actor);
	}

	private void setDisabled(String userName, boolean disabled, String actor) {
		boolean changed = this.users.setDisabled(userName, disabled).orElseThrow(() -> notFound(userName));
		if (changed) {
			this.audit.append(stream(userName), actor, disabled ? "staff_user.disabled" : "staff_user.enabled",
					Map.of());
		}
	}

	@Override
	@Transactional
	public StaffMember.IssuedToken issueToken(String userName, Role role, String label, Integer expiresInDays,
			String actor) {
		checkName(userName);
		if (label == null || label.isBlank() || label.length() > MAX_LABEL) {
			throw new StaffAccountException(Kind.INVALID, "label",
					"Say what the token is for, in 1 to " + MAX_LABEL + " characters.");
		}
		if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_TOKEN_DAYS)) {
			throw new StaffAccountException(Kind.INVALID, "expires",
					"A token expires in 1 to " + MAX_TOKEN_DAYS + " days, or never.");
		}
		Optional<StaffAccountStore.Row> user = this.users.find(userName);
		if (user.isEmpty() && role == null) {
			throw new StaffAccountException(Kind.NOT_FOUND, "name",
					"No staff user named " + userName + "; give a role to create one for the token.");
		}
		if (user.isPresent() && role != null && user.get().role() != role) {
			throw new StaffAccountException(Kind.CONFLICT, "role",
					userName + " is " + user.get().role().wire() + ", and a token carries its holder's role: choose "
							+ user.get().role().wire() + " or another name.");
		}
		if (user.isPresent() && user.get().disabled()) {
			throw new StaffAccountException(Kind.CONFLICT, "name", userName + " is disabled: enable it first.");
		}
		Role holderRole = user.map(StaffAccountStore.Row::role).orElse(role);
		if (user.isEmpty()) {
			this.users.insert(userName, holderRole, null);
			this.audit.append(stream(userName), actor, "staff_user.added",
					Map.of("role", holderRole.wire(), "password", false));
		}
		Instant expiresAt = (expiresInDays != null) ? Instant.now().plus(Duration.ofDays(expiresInDays)) : null;
		StaffTokenStore.Issued issued = this.tokens.issue(userName, holderRole, label.strip(), actor, expiresAt);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("token", issued.id());
		details.put("label", label.strip());
		if (expiresAt != null) {
			details.put("expires_at", expiresAt.toString());
		}
		this.audit.append(stream(userName), actor, "staff_user.token_issued", details);
		return new StaffMember.IssuedToken(issued.id(), userName, holderRole, expiresAt, issued.secret());
	}

	@Override
	@Transactional
	public void revokeToken(long tokenId, String actor) {
		switch (this.tokens.revoke(tokenId, actor)) {
			case REVOKED -> {
			}
			case NOT_FOUND ->
				throw new StaffAccountException(Kind.NOT_FOUND, "token", "No live staff token " + tokenId + ".");
			case LAST_ADMIN_TOKEN -> throw new StaffAccountException(Kind.CONFLICT, "token",
					"This is the last live admin token; rotate ABUSEDESK_ADMIN_TOKEN to replace it.");
		}
	}

	@Override
	@Transactional(readOnly = true)
	public List<StaffMember> list(String namePrefix, String afterName, int limit) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw new StaffAccountException(Kind.INVALID, "limit", "A page has 1 to " + MAX_PAGE + " users.");
		}
		return members(this.users.list(namePrefix, afterName, limit));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<StaffMember> find(long id) {
		return this.users.find(id).map((row) -> members(List.of(row)).get(0));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<StaffMember> find(String userName) {
		return this.users.find(userName).map((row) -> members(List.of(row)).get(0));
	}

	private List<StaffMember> members(List<StaffAccountStore.Row> rows) {
		Map<Long, StaffTokenStore.HeldTokens> held = this.tokens
			.heldBy(rows.stream().map(StaffAccountStore.Row::id).toList(), TOKENS_SHOWN);
		return rows.stream().map((row) -> {
			StaffTokenStore.HeldTokens tokens = held.getOrDefault(row.id(),
					new StaffTokenStore.HeldTokens(List.of(), 0));
			return new StaffMember(row.id(), row.name(), row.role(), row.disabled(), row.hasPassword(), row.createdAt(),
					row.lastSignInAt(), tokens.tokens(), tokens.total() - tokens.tokens().size());
		}).toList();
	}

	private StaffAccountStore.Row existing(String userName) {
		return this.users.find(userName).orElseThrow(() -> notFound(userName));
	}

	private static StaffAccountException notFound(String userName) {
		return new StaffAccountException(Kind.NOT_FOUND, "name", "No staff user named " + userName + ".");
	}

	private static void checkName(String userName) {
		if (userName == null || !NAME.matcher(userName).matches()) {
			throw new StaffAccountException(Kind.INVALID, "name",
					"A staff user's name has 1 to 64 letters, digits and . _ @ -.");
		}
	}

	private static void checkPassword(String password) {
		if (password == null || password.length() < MIN_PASSWORD) {
			throw new StaffAccountException(Kind.INVALID, "password",
					"A staff password has at least " + MIN_PASSWORD + " characters.");
		}
		if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD) {
			throw new StaffAccountException(Kind.INVALID, "password",
					"A staff password has at most " + MAX_PASSWORD + " bytes.");
		}
	}

	private static String stream(String userName) {
		return "staff_user:" + userName;
	}

}

package org.abusedesk.identity.internal;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.abusedesk.commandline.UsageException;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffAccountException;
import org.abusedesk.identity.StaffAccounts;
import org.abusedesk.identity.StaffMember;

/**
 * {@code abusedesk staff add | passwd | disable | enable | token | revoke | list}: staff
 * accounts and their API tokens from the command line, audited as {@code cli}. A password
 * is never an argument: it is read without echo from the terminal, or as the first line
 * of standard input ({@code --password-stdin}, or whenever standard input is not a
 * terminal). A token is printed once, alone on standard output.
 *
 * <p>
 * Exit status: 0 done; 1 refused (no such user or token, the name is taken, the user is
 * disabled or holds another role); 2 bad command line or input (unknown role, a password
 * too short, a bad number of days). {@link StaffSubcommand} reads the command line.
 */
final class StaffCommands {

	static final int REFUSED = 1;

	static final int BAD_INPUT = 2;

	static final String ACTOR = "cli";

	private final StaffAccounts accounts;

	private final InputStream in;

	private final Console console;

	private final PrintStream out;

	private final PrintStream err;

	/**
	 * @param console the terminal to read passwords from without echo, or {@code null} to
	 * read them from {@code in}
	 */
	StaffCommands(StaffAccounts accounts, InputStream in, Console console, PrintStream out, PrintStream err) {
		this.accounts = accounts;
		this.in = in;
		this.console = console;
		this.out = out;
		this.err = err;
	}

	/**
	 * @param words the words after {@code staff} ({@code add NAME}), as
	 * {@link StaffSubcommand} accepts them
	 * @param options the options found (without {@code --})
	 * @return the exit status
	 */
	int run(List<String> words, Map<String, String> options) {
		String verb = words.get(0);
		try {
			return switch (verb) {
				case "add" -> add(words.get(1), options);
				case "passwd" -> passwd(words.get(1));
				case "disable" -> {
					this.accounts.disable(words.get(1), ACTOR);
					this.out.printf("staff user %s disabled: it cannot sign in and its tokens are refused%n",
							words.get(1));
					yield 0;
				}
				case "enable" -> {
					this.accounts.enable(words.get(1), ACTOR);
					this.out.printf("staff user %s enabled%n", words.get(1));
					yield 0;
				}
				case "token" -> token(words.get(1), options);
				case "revoke" -> revoke(words.get(1));
				case "list" -> list();
				default -> throw new UsageException();
			};
		}
		catch (StaffAccountException ex) {
			this.err.println("staff " + verb + ": " + ex.getMessage());
			return (ex.kind() == StaffAccountException.Kind.INVALID) ? BAD_INPUT : REFUSED;
		}
	}

	private int add(String name, Map<String, String> options) {
		if (!options.containsKey("role")) {
			this.err.println("staff add: --role ROLE is required");
			return BAD_INPUT;
		}
		Optional<Role> role = role(options.get("role"));
		if (role.isEmpty()) {
			return BAD_INPUT;
		}
		if (this.accounts.find(name).isPresent()) {
			// before anyone types a password for nothing
			this.err.println("staff add: a staff user named " + name + " exists already");
			return REFUSED;
		}
		Optional<String> password = password(name);
		if (password.isEmpty()) {
			return BAD_INPUT;
		}
		StaffMember added = this.accounts.add(name, role.get(), password.get(), ACTOR);
		this.out.printf("staff user %s added (role %s)%n", added.name(), added.role().wire());
		return 0;
	}

	private int passwd(String name) {
		if (this.accounts.find(name).isEmpty()) {
			this.err.println("staff passwd: no staff user named " + name);
			return REFUSED;
		}
		Optional<String> password = password(name);
		if (password.isEmpty()) {
			return BAD_INPUT;
		}
		this.accounts.changePassword(name, password.get(), ACTOR);
		this.out.printf("password of %s set%n", name);
		return 0;
	}

	private int token(String name, Map<String, String> options) {
		Role role = null;
		if (options.containsKey("role")) {
			Optional<Role> given = role(options.get("role"));
			if (given.isEmpty()) {
				return BAD_INPUT;
			}
			role = given.get();
		}
		Integer days = null;
		if (options.containsKey("expires")) {
			try {
				days = Integer.valueOf(options.get("expires").strip());
			}
			catch (NumberFormatException ex) {
				this.err
					.println("staff token: --expires takes a number of days from 1 to " + StaffAccounts.MAX_TOKEN_DAYS);
				return BAD_INPUT;
			}
		}
		StaffMember.IssuedToken issued = this.accounts.issueToken(name, role, options.getOrDefault("label", "cli"),
				days, ACTOR);
		this.err.printf("staff token %d for %s (role %s, %s); shown once, keep it now:%n", issued.id(), issued.holder(),
				issued.role().wire(), (issued.expiresAt() != null) ? "expires " + issued.expiresAt() : "no expiry");
		this.out.println(issued.secret());
		return 0;
	}

	private int revoke(String id) {
		long tokenId;
		try {
			tokenId = Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			this.err.println("staff revoke: a token id is a number (see staff list)");
			return BAD_INPUT;
		}
		this.accounts.revokeToken(tokenId, ACTOR);
		this.out.printf("staff token %d revoked%n", tokenId);
		return 0;
	}

	private int list() {
		this.out.printf("%-32s %-8s %-8s %-20s %s%n", "NAME", "ROLE", "STATUS", "LAST SIGN-IN", "TOKENS");
		String after = null;
		List<StaffMember> page;
		do {
			page = this.accounts.list(null, after, StaffAccounts.MAX_PAGE);
			for (StaffMember member : page) {
				String tokens = member.tokens()
					.stream()
					.map((token) -> token.id() + " " + token.label() + " (" + token.status()
							+ ((token.expiresAt() != null) ? ", expires " + token.expiresAt() : "") + ")")
					.collect(Collectors.joining("; "));
				if (member.moreTokens() > 0) {
					tokens += "; " + member.moreTokens() + " more";
				}
				this.out.printf("%-32s %-8s %-8s %-20s %s%n", member.name(), member.role().wire(), member.status(),
						(member.lastSignInAt() != null) ? member.lastSignInAt().toString().substring(0, 19) : "-",
						tokens.isEmpty() ? "-" : tokens);
				after = member.name();
			}
		}
		while (page.size() == StaffAccounts.MAX_PAGE);
		return 0;
	}

	private Optional<Role> role(String wire) {
		Optional<Role> role = Role.fromWire(wire.strip());
		if (role.isEmpty()) {
			this.err.println("unknown role '" + wire + "': one of "
					+ Arrays.stream(Role.values()).map(Role::wire).collect(Collectors.joining(", ")));
		}
		return role;
	}

	/**
	 * The new password: typed twice without echo on a terminal, else the first line of
	 * standard input. Checked for length here so that nothing is half done.
	 */
	private Optional<String> password(String name) {
		String password;
		if (this.console != null) {
			char[] first = this.console.readPassword("New password for %s: ", name);
			char[] second = this.console.readPassword("Again: ");
			if (first == null || second == null || !Arrays.equals(first, second)) {
				this.err.println("the passwords differ: nothing changed");
				return Optional.empty();
			}
			password = new String(first);
		}
		else {
			try {
				password = new BufferedReader(new InputStreamReader(this.in, StandardCharsets.UTF_8)).readLine();
			}
			catch (IOException ex) {
				this.err.println("cannot read the password from standard input: " + ex.getMessage());
				return Optional.empty();
			}
		}
		if (password == null || password.length() < StaffAccounts.MIN_PASSWORD) {
			this.err.println("a staff password has at least " + StaffAccounts.MIN_PASSWORD
					+ " characters (read from standard input, one line)");
			return Optional.empty();
		}
		return Optional.of(password);
	}

}

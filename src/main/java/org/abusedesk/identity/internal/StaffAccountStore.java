package org.abusedesk.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffAccounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/**
 * The {@code staff_user} table: staff users, their password hashes, and the look-up the
 * console's form login uses. Not a {@link UserDetailsService} bean on purpose: only the
 * console chain signs in with passwords; the API takes bearer tokens only.
 */
@Repository
class StaffAccountStore {

	/** A row of {@code staff_user}, without its hash. */
	record Row(long id, String name, Role role, boolean disabled, boolean hasPassword, Instant createdAt,
			Instant lastSignInAt) {
	}

	private static final String COLUMNS = """
			select id, name, role, disabled_at is not null as disabled, password_hash is not null as has_password,
			    created_at, last_sign_in_at
			from staff_user""";

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	StaffAccountStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	PasswordEncoder encoder() {
		return this.encoder;
	}

	/** Creates the user if missing (keeping its role) and sets its password. */
	void create(String userName, Role role, String password) {
		this.jdbc.sql("""
				insert into staff_user (name, role, password_hash, password_set_at) values (:name, :role, :hash, now())
				on conflict (name) do update set password_hash = excluded.password_hash,
				    password_set_at = excluded.password_set_at""")
			.param("name", userName)
			.param("role", role.wire())
			.param("hash", hash(password))
			.update();
	}

	/** Adds a user; empty when the name is taken. */
	Optional<Long> insert(String userName, Role role, String password) {
		return this.jdbc.sql("""
				insert into staff_user (name, role, password_hash, password_set_at) values (:name, :role, :hash, now())
				on conflict (name) do nothing returning id""")
			.param("name", userName)
			.param("role", role.wire())
			.param("hash", (password != null) ? hash(password) : null)
			.query(Long.class)
			.optional();
	}

	boolean setPassword(String userName, String password) {
		return this.jdbc.sql("update staff_user set password_hash = :hash, password_set_at = now() where name = :name")
			.param("hash", hash(password))
			.param("name", userName)
			.update() == 1;
	}

	/**
	 * Disables or enables a user.
	 * @return empty for an unknown user, else whether anything changed
	 */
	Optional<Boolean> setDisabled(String userName, boolean disabled) {
		Optional<Boolean> was = this.jdbc
			.sql("select disabled_at is not null from staff_user where name = :name for update")
			.param("name", userName)
			.query(Boolean.class)
			.optional();
		if (was.isEmpty() || was.get() == disabled) {
			return was.map((same) -> false);
		}
		this.jdbc.sql("update staff_user set disabled_at = case when :disabled then now() end where name = :name")
			.param("disabled", disabled)
			.param("name", userName)
			.update();
		return Optional.of(true);
	}

	/**
	 * Notes a console sign-in.
	 * @return its time, by the database's clock
	 */
	Instant recordSignIn(String userName) {
		return this.jdbc.sql("update staff_user set last_sign_in_at = now() where name = :name returning now()")
			.param("name", userName)
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant)
			.orElseGet(Instant::now);
	}

	/**
	 * Whether a session signed in at {@code signedInAt} may go on: the user exists, is
	 * not disabled, and its password was not set after that sign-in.
	 * @param signedInAt {@code null} for a session that did not record it
	 */
	boolean maySessionContinue(String userName, Instant signedInAt) {
		return this.jdbc.sql("""
				select count(*) from staff_user where name = :name and disabled_at is null
				  and (cast(:signed_in as timestamptz) is null or password_set_at is null
				       or password_set_at <= cast(:signed_in as timestamptz))""")
			.param("name", userName)
			.param("signed_in", (signedInAt != null) ? OffsetDateTime.ofInstant(signedInAt, ZoneOffset.UTC) : null)
			.query(Long.class)
			.single() == 1;
	}

	Optional<Row> find(String userName) {
		return this.jdbc.sql(COLUMNS + " where name = :name")
			.param("name", userName)
			.query(StaffAccountStore::row)
			.optional();
	}

	Optional<Row> find(long id) {
		return this.jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(StaffAccountStore::row).optional();
	}

	/** A page of users by name; {@code prefix} and {@code after} may be {@code null}. */
	List<Row> list(String prefix, String after, int limit) {
		return this.jdbc.sql(COLUMNS + """
				 where (cast(:prefix as text) is null or starts_with(name, cast(:prefix as text)))
				   and (cast(:after as text) is null or name > cast(:after as text))
				order by name limit :limit""")
			.param("prefix", prefix)
			.param("after", after)
			.param("limit", limit)
			.query(StaffAccountStore::row)
			.list();
	}

	/** The console's sign-in: an enabled user with a password. */
	UserDetails load(String userName) {
		Optional<UserDetails> user = this.jdbc.sql("""
				select name, role, password_hash from staff_user
				where name = :name and password_hash is not null and disabled_at is null""")
			.param("name", userName)
			.query((rs, n) -> User.withUsername(rs.getString("name"))
				.password(rs.getString("password_hash"))
				.authorities(List.of(new SimpleGrantedAuthority("ROLE_" + rs.getString("role"))))
				.build())
			.optional();
		return user.orElseThrow(() -> new UsernameNotFoundException("No enabled staff user with a password"));
	}

	private String hash(String password) {
		if (password == null || password.length() < StaffAccounts.MIN_PASSWORD) {
			throw new IllegalArgumentException(
					"A staff password has at least " + StaffAccounts.MIN_PASSWORD + " characters");
		}
		return this.encoder.encode(password);
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("name"), Role.fromWire(rs.getString("role")).orElseThrow(),
				rs.getBoolean("disabled"), rs.getBoolean("has_password"),
				instant(rs.getObject("created_at", OffsetDateTime.class)),
				instant(rs.getObject("last_sign_in_at", OffsetDateTime.class)));
	}

	static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

}

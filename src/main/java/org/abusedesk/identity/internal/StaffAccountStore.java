package org.abusedesk.identity.internal;

import java.util.List;
import java.util.Optional;

import org.abusedesk.identity.Role;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff passwords, and the look-up the console's form login uses. Not a
 * {@link UserDetailsService} bean on purpose: only the console chain signs in with
 * passwords; the API takes bearer tokens only.
 */
@Repository
class StaffAccountStore implements StaffAccounts {

	static final int MIN_PASSWORD = 12;

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	StaffAccountStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	PasswordEncoder encoder() {
		return this.encoder;
	}

	@Override
	@Transactional
	public void create(String userName, Role role, String password) {
		String hash = hash(password);
		this.jdbc.sql("""
				insert into staff_user (name, role, password_hash) values (:name, :role, :hash)
				on conflict (name) do update set password_hash = excluded.password_hash""")
			.param("name", userName)
			.param("role", role.wire())
			.param("hash", hash)
			.update();
	}

	@Override
	public boolean setPassword(String userName, String password) {
		return this.jdbc.sql("update staff_user set password_hash = :hash where name = :name")
			.param("hash", hash(password))
			.param("name", userName)
			.update() == 1;
	}

	UserDetails load(String userName) {
		Optional<UserDetails> user = this.jdbc
			.sql("select name, role, password_hash from staff_user where name = :name and password_hash is not null")
			.param("name", userName)
			.query((rs, n) -> User.withUsername(rs.getString("name"))
				.password(rs.getString("password_hash"))
				.authorities(List.of(new SimpleGrantedAuthority("ROLE_" + rs.getString("role"))))
				.build())
			.optional();
		return user.orElseThrow(() -> new UsernameNotFoundException("No staff user with a password"));
	}

	private String hash(String password) {
		if (password == null || password.length() < MIN_PASSWORD) {
			throw new IllegalArgumentException("A staff password has at least " + MIN_PASSWORD + " characters");
		}
		return this.encoder.encode(password);
	}

}

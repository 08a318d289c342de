package org.abusedesk.catalog.internal;

import java.util.Optional;

import org.abusedesk.catalog.Accounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class AccountLookup implements Accounts {

	private final JdbcClient jdbc;

	AccountLookup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean exists(String ref) {
		return this.jdbc.sql("select count(*) from account where ref = :ref")
			.param("ref", ref)
			.query(Integer.class)
			.single() > 0;
	}

	@Override
	public Optional<String> abuseContact(String ref) {
		return this.jdbc.sql("select abuse_contact from account where ref = :ref and abuse_contact is not null")
			.param("ref", ref)
			.query(String.class)
			.optional();
	}

}

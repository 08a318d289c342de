package org.abusedesk.database;

import org.abusedesk.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseTests extends IntegrationTest {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void runsOnPostgresql() {
		String version = this.jdbc.sql("select version()").query(String.class).single();
		assertThat(version).startsWith("PostgreSQL ");
	}

}

package org.abusedesk.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.abusedesk.database.internal.EmbeddedPostgresServer;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Points the datasource at an embedded PostgreSQL unless {@code spring.datasource.url}
 * names an external one.
 *
 * <p>
 * Properties: {@code abusedesk.data-dir} (default {@code ./data}; the server keeps its
 * files in {@code <data-dir>/postgres}), {@code abusedesk.database.embedded.enabled}
 * (default true) and {@code abusedesk.database.embedded.ephemeral} (tests: one throwaway
 * server per JVM). The application connects as the role {@code abusedesk} (no superuser)
 * with the password generated in the data directory (docs/adr/0009); the port and the
 * data directory are published as {@code abusedesk.database.embedded.port} and
 * {@code abusedesk.database.embedded.data-directory}.
 */
public class EmbeddedDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String DATABASE = "abusedesk";

	private static EmbeddedPostgresServer ephemeralServer;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
				|| !environment.getProperty("abusedesk.database.embedded.enabled", Boolean.class, true)) {
			return;
		}
		boolean ephemeral = environment.getProperty("abusedesk.database.embedded.ephemeral", Boolean.class, false);
		EmbeddedPostgresServer server = ephemeral ? ephemeralServer() : EmbeddedPostgresServer
			.startOrJoin(Path.of(environment.getProperty("abusedesk.data-dir", "./data")).resolve("postgres"), false);
		server.ensureApplicationDatabase(DATABASE);
		// the application's role owns its database and is no superuser; see docs/adr/0009
		environment.getPropertySources()
			.addFirst(new MapPropertySource("abusedesk-embedded-database",
					Map.of("spring.datasource.url", server.jdbcUrl(DATABASE), "spring.datasource.username",
							EmbeddedPostgresServer.APPLICATION_ROLE, "spring.datasource.password",
							server.applicationPassword(), "abusedesk.database.embedded.port", server.port(),
							"abusedesk.database.embedded.data-directory", server.dataDirectory().toString())));
	}

	private static synchronized EmbeddedPostgresServer ephemeralServer() {
		if (ephemeralServer == null) {
			try {
				Path dir = Files.createTempDirectory("abusedesk-test-db-");
				ephemeralServer = EmbeddedPostgresServer.startOrJoin(dir.resolve("pgdata"), true);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return ephemeralServer;
	}

	@Override
	public int getOrder() {
		// after the config files are read, so that application.properties can configure
		// us
		return Ordered.LOWEST_PRECEDENCE;
	}

}

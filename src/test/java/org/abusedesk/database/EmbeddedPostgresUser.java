package org.abusedesk.database;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;

import org.abusedesk.database.internal.EmbeddedPostgresServer;

/**
 * A process that uses the embedded PostgreSQL in the data directory {@code args[0]} as
 * abusedesk does, for {@link EmbeddedPostgresStopsWithItsLastUserTests}. Prints
 * {@code port N} once it uses the server, then obeys lines on its standard input:
 * {@code check} (prints {@code ok} if it can query its database) and {@code exit} (exits
 * normally, as at the end of its end of the input).
 */
public final class EmbeddedPostgresUser {

	private EmbeddedPostgresUser() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(Path.of(args[0]), false);
		server.ensureApplicationDatabase("abusedesk");
		System.out.println("port " + server.port());
		System.out.flush();
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		String line;
		while ((line = in.readLine()) != null && !line.equals("exit")) {
			if (line.equals("check")) {
				try (var connection = DriverManager.getConnection(server.jdbcUrl("abusedesk"),
						EmbeddedPostgresServer.APPLICATION_ROLE, server.applicationPassword());
						var query = connection.createStatement();
						var rows = query.executeQuery("select 1")) {
					System.out.println(rows.next() ? "ok" : "no row");
				}
				catch (Exception ex) {
					System.out.println("failed: " + ex);
				}
				System.out.flush();
			}
		}
		System.exit(0);
	}

}

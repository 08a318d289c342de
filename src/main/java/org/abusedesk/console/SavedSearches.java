package org.abusedesk.console;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each staff user's saved searches: a name and the search's query string. */
@Repository
class SavedSearches {

	/** Searches one user may keep. */
	static final int MAX_PER_USER = 50;

	static final int MAX_NAME = 80;

	/** The longest query string kept; a longer one is refused. */
	static final int MAX_QUERY = 1000;

	private final JdbcClient jdbc;

	SavedSearches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Saved(long id, String name, String query) {

	}

	List<Saved> of(String staffUser) {
		return this.jdbc.sql("select id, name, query from console_saved_search where staff_user = :user order by name")
			.param("user", staffUser)
			.query(Saved.class)
			.list();
	}

	/**
	 * Saves (or replaces, by name) a search.
	 * @return an explanation when refused, else {@code null}
	 */
	String save(String staffUser, String name, String query) {
		String trimmed = (name != null) ? name.strip() : "";
		if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
			return "Give the search a name of 1 to " + MAX_NAME + " characters.";
		}
		if (query.length() > MAX_QUERY) {
			return "This search is too long to save.";
		}
		int updated = this.jdbc
			.sql("update console_saved_search set query = :query where staff_user = :user and name = :name")
			.param("query", query)
			.param("user", staffUser)
			.param("name", trimmed)
			.update();
		if (updated > 0) {
			return null;
		}
		long count = this.jdbc.sql("select count(*) from console_saved_search where staff_user = :user")
			.param("user", staffUser)
			.query(Long.class)
			.single();
		if (count >= MAX_PER_USER) {
			return "You keep " + MAX_PER_USER + " saved searches at most; delete one first.";
		}
		this.jdbc
			.sql("insert into console_saved_search (staff_user, name, query) values (:user, :name, :query) "
					+ "on conflict (staff_user, name) do update set query = excluded.query")
			.param("user", staffUser)
			.param("name", trimmed)
			.param("query", query)
			.update();
		return null;
	}

	/** Deletes one of the user's own searches; another's is left alone. */
	boolean delete(String staffUser, long id) {
		return this.jdbc.sql("delete from console_saved_search where id = :id and staff_user = :user")
			.param("id", id)
			.param("user", staffUser)
			.update() > 0;
	}

}

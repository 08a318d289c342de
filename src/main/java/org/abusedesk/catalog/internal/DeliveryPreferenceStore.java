package org.abusedesk.catalog.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.abusedesk.catalog.DeliveryPreference;
import org.abusedesk.catalog.DeliveryPreferences;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The delivery preferences of the catalog's contacts, one row per recipient address. An
 * import writes the preferences its applied accounts name; a contact listed with
 * different preferences in one document keeps the last.
 */
@Repository
class DeliveryPreferenceStore implements DeliveryPreferences {

	private final JdbcClient jdbc;

	DeliveryPreferenceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, DeliveryPreference> of(Collection<String> recipients) {
		if (recipients.isEmpty()) {
			return Map.of();
		}
		String[] addresses = recipients.stream()
			.map((r) -> r.toLowerCase(Locale.ROOT))
			.distinct()
			.toArray(String[]::new);
		Map<String, DeliveryPreference> found = new HashMap<>();
		this.jdbc.sql("""
				select recipient, format, aggregation, digest_minutes from delivery_preference
				where recipient = any(:recipients)""")
			.param("recipients", addresses)
			.query((rs, n) -> found.put(rs.getString("recipient"),
					new DeliveryPreference(DeliveryPreference.Format.fromWire(rs.getString("format")).orElseThrow(),
							DeliveryPreference.Aggregation.fromWire(rs.getString("aggregation")).orElseThrow(),
							rs.getInt("digest_minutes"))))
			.list();
		return found;
	}

	/**
	 * Writes the preferences an import names; rows that do not change are not touched.
	 */
	void save(List<AccountDraft> applied) {
		Map<String, DeliveryPreference> wanted = new LinkedHashMap<>();
		for (AccountDraft draft : applied) {
			draft.deliveries()
				.forEach((recipient, preference) -> wanted.put(recipient.toLowerCase(Locale.ROOT), preference));
		}
		wanted.forEach((recipient, preference) -> this.jdbc.sql("""
				insert into delivery_preference (recipient, format, aggregation, digest_minutes)
				values (:recipient, :format, :aggregation, :minutes)
				on conflict (recipient) do update set format = excluded.format, aggregation = excluded.aggregation,
				    digest_minutes = excluded.digest_minutes, updated_at = now()
				where (delivery_preference.format, delivery_preference.aggregation, delivery_preference.digest_minutes)
				      is distinct from (excluded.format, excluded.aggregation, excluded.digest_minutes)""")
			.param("recipient", recipient)
			.param("format", preference.format().wire())
			.param("aggregation", preference.aggregation().wire())
			.param("minutes", preference.digestMinutes())
			.update());
	}

}

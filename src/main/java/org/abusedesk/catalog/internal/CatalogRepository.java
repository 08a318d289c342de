package org.abusedesk.catalog.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.abusedesk.catalog.Account;
import org.abusedesk.catalog.AccountStatus;
import org.abusedesk.catalog.Origin;
import org.abusedesk.catalog.Service;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over the account, property and catalog_revision tables (V2__catalog.sql). */
@Repository
class CatalogRepository {

	private final JdbcClient jdbc;

	CatalogRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An account as stored. */
	record StoredAccount(long id, String ref, String name, String abuseContact, String escalationContact,
			boolean atRisk, AccountStatus status) {

		boolean sameAs(AccountDraft draft) {
			return this.name.equals(draft.name()) && this.abuseContact.equals(draft.abuseContact())
					&& Objects.equals(this.escalationContact, draft.escalationContact())
					&& this.atRisk == draft.atRisk() && this.status == draft.status();
		}

	}

	/** A property as stored. */
	record StoredProperty(long id, long accountId, AccountDraft.PropertyKey key, Set<Service> services, Origin origin) {

		boolean sameAs(AccountDraft.PropertyDraft draft) {
			return this.services.equals(draft.services()) && Objects.equals(this.origin, draft.origin());
		}

	}

	/** Takes the catalog's write lock: one import at a time, across all nodes. */
	long lockRevision() {
		return this.jdbc.sql("select revision from catalog_revision for update").query(Long.class).single();
	}

	long currentRevision() {
		return this.jdbc.sql("select revision from catalog_revision").query(Long.class).single();
	}

	long bumpRevision() {
		return this.jdbc
			.sql("update catalog_revision set revision = revision + 1, changed_at = now() returning revision")
			.query(Long.class)
			.single();
	}

	Map<String, StoredAccount> findAccounts(String[] refs) {
		Map<String, StoredAccount> accounts = new HashMap<>();
		this.jdbc.sql("""
				select id, ref, name, abuse_contact, escalation_contact, at_risk, status
				from account where ref = any(:refs)""").param("refs", refs).query((rs) -> {
			StoredAccount account = new StoredAccount(rs.getLong("id"), rs.getString("ref"), rs.getString("name"),
					rs.getString("abuse_contact"), rs.getString("escalation_contact"), rs.getBoolean("at_risk"),
					AccountStatus.fromWire(rs.getString("status")).orElseThrow());
			accounts.put(account.ref(), account);
		});
		return accounts;
	}

	/** The ref of the account that owns each of the given properties, where stored. */
	Map<AccountDraft.PropertyKey, String> findOwners(String[] kinds, String[] values) {
		Map<AccountDraft.PropertyKey, String> owners = new HashMap<>();
		this.jdbc.sql("""
				select p.kind, p.value, a.ref from property p join account a on a.id = p.account_id
				where (p.kind, p.value) in (select * from unnest(cast(:kinds as text[]), cast(:values as text[])))""")
			.param("kinds", kinds)
			.param("values", values)
			.query((rs) -> {
				owners.put(new AccountDraft.PropertyKey(PropertyKind.fromWire(rs.getString(1)).orElseThrow(),
						rs.getString(2)), rs.getString(3));
			});
		return owners;
	}

	Map<AccountDraft.PropertyKey, StoredProperty> findProperties(Long[] accountIds) {
		Map<AccountDraft.PropertyKey, StoredProperty> properties = new HashMap<>();
		this.jdbc
			.sql("""
					select id, account_id, kind, value, services, origin_address, origin_host_name, origin_host_abuse_contact
					from property where account_id = any(:ids)""")
			.param("ids", accountIds)
			.query((rs) -> {
				AccountDraft.PropertyKey key = new AccountDraft.PropertyKey(
						PropertyKind.fromWire(rs.getString("kind")).orElseThrow(), rs.getString("value"));
				properties.put(key,
						new StoredProperty(rs.getLong("id"), rs.getLong("account_id"), key, services(rs), origin(rs)));
			});
		return properties;
	}

	long insertAccount(AccountDraft draft) {
		return this.jdbc.sql("""
				insert into account (ref, name, abuse_contact, escalation_contact, at_risk, status)
				values (:ref, :name, :abuseContact, :escalationContact, :atRisk, :status) returning id""")
			.params(accountParams(draft))
			.query(Long.class)
			.single();
	}

	void updateAccount(long id, AccountDraft draft) {
		this.jdbc.sql("""
				update account set name = :name, abuse_contact = :abuseContact,
				escalation_contact = :escalationContact, at_risk = :atRisk, status = :status, updated_at = now()
				where id = :id""").params(accountParams(draft)).param("id", id).update();
	}

	void deleteProperty(long id) {
		this.jdbc.sql("delete from property where id = :id").param("id", id).update();
	}

	void insertProperty(long accountId, AccountDraft.PropertyDraft draft) {
		this.jdbc.sql("""
				insert into property (account_id, kind, value, services, origin_address, origin_host_name,
				origin_host_abuse_contact)
				values (:accountId, :kind, :value, cast(:services as text[]), :originAddress, :originHostName,
				:originHostAbuseContact)""").params(propertyParams(draft)).param("accountId", accountId).update();
	}

	void updateProperty(long id, AccountDraft.PropertyDraft draft) {
		this.jdbc.sql("""
				update property set services = cast(:services as text[]), origin_address = :originAddress,
				origin_host_name = :originHostName, origin_host_abuse_contact = :originHostAbuseContact,
				updated_at = now() where id = :id""").params(propertyParams(draft)).param("id", id).update();
	}

	private static Map<String, Object> accountParams(AccountDraft draft) {
		Map<String, Object> params = new HashMap<>();
		params.put("ref", draft.ref());
		params.put("name", draft.name());
		params.put("abuseContact", draft.abuseContact());
		params.put("escalationContact", draft.escalationContact());
		params.put("atRisk", draft.atRisk());
		params.put("status", draft.status().wire());
		return params;
	}

	private static Map<String, Object> propertyParams(AccountDraft.PropertyDraft draft) {
		Origin origin = draft.origin();
		Map<String, Object> params = new HashMap<>();
		params.put("kind", draft.kind().wire());
		params.put("value", draft.value());
		params.put("services", draft.services().stream().map(Service::wire).toArray(String[]::new));
		params.put("originAddress", (origin != null) ? origin.address() : null);
		params.put("originHostName", (origin != null) ? origin.hostName() : null);
		params.put("originHostAbuseContact", (origin != null) ? origin.hostAbuseContact() : null);
		return params;
	}

	/**
	 * Reads every property into an index. Call in one read-only, repeatable-read
	 * transaction so that the revision matches the data.
	 */
	CatalogIndex loadIndex() {
		long revision = currentRevision();
		Map<Long, Account> accounts = new HashMap<>();
		this.jdbc.sql("select id, ref, name, abuse_contact, at_risk, status from account").query((rs) -> {
			accounts.put(rs.getLong(1), new Account(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBoolean(5), AccountStatus.fromWire(rs.getString(6)).orElseThrow()));
		});
		CatalogIndex.Builder builder = CatalogIndex.builder(revision);
		this.jdbc
			.sql("""
					select id, account_id, kind, value, services, origin_address, origin_host_name, origin_host_abuse_contact
					from property""")
			.withFetchSize(10_000)
			.query((rs) -> {
				builder.add(rs.getLong("id"), PropertyKind.fromWire(rs.getString("kind")).orElseThrow(),
						rs.getString("value"), accounts.get(rs.getLong("account_id")), services(rs), origin(rs));
			});
		return builder.build();
	}

	private static Set<Service> services(ResultSet rs) throws SQLException {
		Array array = rs.getArray("services");
		Set<Service> services = EnumSet.noneOf(Service.class);
		for (Object wire : (Object[]) array.getArray()) {
			Service.fromWire((String) wire).ifPresent(services::add);
		}
		return services;
	}

	private static Origin origin(ResultSet rs) throws SQLException {
		String address = rs.getString("origin_address");
		return (address != null)
				? new Origin(address, rs.getString("origin_host_name"), rs.getString("origin_host_abuse_contact"))
				: null;
	}

}

package org.abusedesk;

import java.util.UUID;

/**
 * A unique slice of catalog per test, so tests never see each other's data: a proxied
 * customer (its zone, its abuse contact the owner, and the abuse contact of its origin's
 * host) and a hosted one (its zone, its abuse contact the hoster), and the address of the
 * test's reporter.
 */
public record TestCatalog(String id, String proxiedZone, String hostedZone, String owner, String hoster,
		String originHost, String reporter) {

	public static TestCatalog unique() {
		String id = UUID.randomUUID().toString().substring(0, 8);
		return new TestCatalog(id, "proxied-" + id + ".example", "hosted-" + id + ".example",
				"owner-" + id + "@customer.example", "owner-" + id + "@hosted-customer.example",
				"abuse-" + id + "@origin-host.example", "reporter-" + id + "@reporter.example");
	}

	public String document() {
		return """
				{"accounts": [
				  {"ref": "proxy-%1$s", "name": "Proxy Customer %1$s", "abuse_contact": "%2$s", "at_risk": false,
				   "status": "active",
				   "properties": [{"zone": "%3$s", "services": ["proxy"],
				     "origin": {"address": "203.0.113.77", "host_name": "Origin Hosting %1$s",
				                "host_abuse_contact": "%4$s"}}]},
				  {"ref": "hosting-%1$s", "name": "Hosting Customer %1$s", "abuse_contact": "%5$s", "at_risk": false,
				   "status": "active",
				   "properties": [{"zone": "%6$s", "services": ["hosting"]}]}
				]}""".formatted(this.id, owner(), proxiedZone(), originHost(), hoster(), hostedZone());
	}

	public String report(String host, String hostChoice, String ownerChoice) {
		return report(host, hostChoice, ownerChoice, "");
	}

	/**
	 * A report whose URLs end in {@code suffix}, so that it is not a duplicate of
	 * another.
	 */
	public String report(String host, String hostChoice, String ownerChoice, String suffix) {
		return """
				{"reporter": {"name": "Rita Reporter", "email": "%s", "kind": "individual", "organisation": "Rita's Lab"},
				 "urls": ["https://%s/login.php%s", "https://%s/pay.php%s"],
				 "justification": "A fake bank login page harvesting passwords.",
				 "comments": "Private note: I found it through my employer's spam trap.",
				 "notify": {"host": "%s", "owner": "%s"},
				 "good_faith": true}"""
			.formatted(reporter(), host, suffix, host, suffix, hostChoice, ownerChoice);
	}

}

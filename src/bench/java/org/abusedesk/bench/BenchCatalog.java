package org.abusedesk.bench;

/**
 * The generated catalog of the end-to-end run: every account has one proxied zone (its
 * reports are forwarded by email to the origin host) and one hosted zone (its reports
 * open a case for review), and the reports the clients send.
 */
record BenchCatalog(int accounts, int digestMinutes) {

	BenchCatalog(int accounts) {
		this(accounts, 0);
	}

	String document() {
		StringBuilder json = new StringBuilder("{\"accounts\": [");
		String delivery = (this.digestMinutes > 0) ? """
				"delivery": {"format": "prose_xarf", "aggregation": "digest", "digest_seconds": %d},"""
			.formatted(this.digestMinutes * 60) : "";
		for (int i = 0; i < this.accounts; i++) {
			json.append((i > 0) ? ",\n" : "\n").append("""
					{"ref": "bench-%1$d", "name": "Bench Customer %1$d", "abuse_contact": "abuse@customer%1$d.example",
					 "at_risk": false, "status": "active", %2$s
					 "properties": [
					   {"zone": "proxied-%1$d.example", "services": ["proxy"],
					    "origin": {"address": "203.0.113.7", "host_name": "Origin %1$d", %2$s
					               "host_abuse_contact": "abuse@origin%1$d.example"}},
					   {"zone": "hosted-%1$d.example", "services": ["hosting"]}]}""".formatted(i, delivery));
		}
		return json.append("]}").toString();
	}

	/** Even numbers go to proxied zones, odd ones to hosted zones; every URL is unique. */
	String report(long n) {
		int account = (int) ((n >>> 1) % this.accounts);
		String host = ((n & 1) == 0) ? "www.proxied-" + account + ".example" : "www.hosted-" + account + ".example";
		return """
				{"reporter": {"name": "Load Reporter", "email": "reporter%d@reporters.example", "kind": "individual"},
				 "urls": ["https://%s/login-%d.php", "https://%s/pay-%d.php"],
				 "justification": "A fake bank login page harvesting passwords.",
				 "notify": {"host": "send", "owner": "send"}, "good_faith": true}"""
			.formatted(n % 100, host, n, host, n);
	}

	/**
	 * A report of the targeted flood: every one against the proxied zone of account 0,
	 * from one of ten thousand addresses, with the same template text a campaign sends.
	 */
	String targetedReport(long n) {
		return """
				{"reporter": {"name": "Load Reporter", "email": "flood%d@reporters.example", "kind": "individual"},
				 "urls": ["https://www.proxied-0.example/article-%d.html"],
				 "justification": "This site spreads propaganda and lies, it violates your acceptable use policy and must be taken down now, reference %d.",
				 "notify": {"host": "send", "owner": "send"}, "good_faith": true}"""
			.formatted(n % 10_000, n, n);
	}

	/** The body of a token-authenticated report (the token names the reporter). */
	String tokenReport(long n) {
		int account = (int) ((n >>> 1) % this.accounts);
		String host = ((n & 1) == 0) ? "www.proxied-" + account + ".example" : "www.hosted-" + account + ".example";
		return """
				{"urls": ["https://%s/kit-%d/"], "justification": "Phishing kit.",
				 "notify": {"host": "send", "owner": "send"}, "good_faith": true}""".formatted(host, n);
	}

	String batch(long first, int size) {
		StringBuilder json = new StringBuilder("{\"reports\": [");
		for (int i = 0; i < size; i++) {
			json.append((i > 0) ? "," : "")
				.append("{\"type\": \"phishing\", \"report\": ")
				.append(tokenReport(first + i))
				.append('}');
		}
		return json.append("]}").toString();
	}

}

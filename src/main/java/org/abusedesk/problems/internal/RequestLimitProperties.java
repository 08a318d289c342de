package org.abusedesk.problems.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code abusedesk.http.*}: how large a request body may be, per kind of endpoint.
 *
 * @param defaultBytes every endpoint not named below (JSON commands, console and customer
 * forms)
 * @param reportBytes a single report ({@code POST /api/v1/reports/{type}}), without a
 * document
 * @param legalOrderBytes a legal order with its document, base64 in the JSON
 * @param batchBytes the batch API ({@code POST /api/v1/reports:batch})
 * @param formBytes the web report form with its evidence files (multipart)
 * @param catalogBytes a catalog document ({@code PUT /api/v1/catalog})
 * @param largeBodiesAtOnce how many bodies over {@code defaultBytes} are read at once on
 * this node
 */
@ConfigurationProperties("abusedesk.http")
record RequestLimitProperties(@DefaultValue("1048576") long defaultBytes, @DefaultValue("1048576") long reportBytes,
		@DefaultValue("15728640") long legalOrderBytes, @DefaultValue("33554432") long batchBytes,
		@DefaultValue("67108864") long formBytes, @DefaultValue("33554432") long catalogBytes,
		@DefaultValue("4") int largeBodiesAtOnce) {

	long limitFor(String method, String path) {
		if ("PUT".equals(method) && "/api/v1/catalog".equals(path)) {
			return this.catalogBytes;
		}
		if ("POST".equals(method)) {
			if ("/api/v1/reports:batch".equals(path)) {
				return this.batchBytes;
			}
			if ("/api/v1/reports/legal_order".equals(path)) {
				return this.legalOrderBytes;
			}
			if (path.startsWith("/api/v1/reports/")) {
				return this.reportBytes;
			}
			if (path.startsWith("/report/")) {
				return this.formBytes;
			}
		}
		return this.defaultBytes;
	}

}

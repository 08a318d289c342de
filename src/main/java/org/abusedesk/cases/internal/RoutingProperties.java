package org.abusedesk.cases.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code abusedesk.routing.*}: how the router works through the submitted reports.
 *
 * @param batchSize how many submitted reports one routing run claims at most
 * @param setAsideSeconds how long a report that failed alone is set aside before it is
 * tried again
 */
@ConfigurationProperties("abusedesk.routing")
record RoutingProperties(@DefaultValue("500") int batchSize, @DefaultValue("60") long setAsideSeconds) {

}

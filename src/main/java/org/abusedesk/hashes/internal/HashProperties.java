package org.abusedesk.hashes.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code abusedesk.hashes.*}: how known content is matched.
 *
 * @param pdqMaxDistance the largest Hamming distance between two PDQ hashes that still
 * matches, 0 to 47
 */
@ConfigurationProperties("abusedesk.hashes")
record HashProperties(@DefaultValue("31") int pdqMaxDistance) {

}

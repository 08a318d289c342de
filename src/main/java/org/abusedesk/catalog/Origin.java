package org.abusedesk.catalog;

/**
 * Where a proxied property's content really lives.
 *
 * @param address the origin address (IP or hostname)
 * @param hostName the hosting provider of the origin, when known
 * @param hostAbuseContact that provider's abuse contact, when known
 */
public record Origin(String address, String hostName, String hostAbuseContact) {

}

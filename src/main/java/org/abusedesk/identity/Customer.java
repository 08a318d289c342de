package org.abusedesk.identity;

/**
 * A signed-in customer: the principal of a request authenticated with a customer token. A
 * customer sees and acts on its own account only.
 *
 * @param accountRef the catalog account the token was issued for
 */
public record Customer(String accountRef) {

}

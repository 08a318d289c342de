package org.abusedesk.catalog;

/**
 * A customer of the provider, as the resolver sees it.
 *
 * @param id database id
 * @param ref the operator's stable key for the account (used by imports)
 * @param name display name
 * @param abuseContact where notices to the customer go
 * @param atRisk journalists, human-rights groups, election bodies: actions need a senior
 * @param status where the account stands with the provider
 */
public record Account(long id, String ref, String name, String abuseContact, boolean atRisk, AccountStatus status) {

}

package org.abusedesk.catalog;

import java.util.List;

/**
 * Published (in the changing transaction) when a catalog import changed accounts or
 * properties.
 *
 * @param revision the catalog revision after the change
 * @param accountRefs the refs of the accounts whose data or properties changed
 */
public record CatalogChanged(long revision, List<String> accountRefs) {

}

package org.abusedesk.identity.internal;

import org.abusedesk.access.Role;

record StaffPrincipal(String name, Role role) {

}

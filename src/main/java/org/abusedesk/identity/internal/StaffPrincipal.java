package org.abusedesk.identity.internal;

import org.abusedesk.identity.Role;

record StaffPrincipal(String name, Role role) {

}

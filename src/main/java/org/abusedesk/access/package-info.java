/**
 * Who may do what: the staff roles ({@link org.abusedesk.access.Role}, DOMAIN.md) and the
 * access rules each module states next to its own endpoints
 * ({@link org.abusedesk.access.AccessRules}). It holds words, not mechanisms: the
 * {@code identity} module signs people and systems in and builds the security chains from
 * every module's rules. It depends only on {@code vocabulary}, so every module,
 * {@code catalog} and {@code problems} included, may state its rules.
 */
package org.abusedesk.access;

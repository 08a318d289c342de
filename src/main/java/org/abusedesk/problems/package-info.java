/**
 * Error answers shared by every HTTP endpoint: RFC 9457 problem details with a list of
 * {@code {field, code, message}}.
 */
package org.abusedesk.problems;

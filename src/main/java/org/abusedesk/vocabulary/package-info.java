/**
 * The wire vocabulary shared by every module: the glossary's closed sets (services,
 * report types, statuses, ...) travel as their lower-case words in JSON, request
 * parameters, SQL and the CLI (DOMAIN.md), and are read back leniently.
 */
package org.abusedesk.vocabulary;

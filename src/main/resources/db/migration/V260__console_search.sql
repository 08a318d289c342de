-- Search in the console (issue 17, docs/console.md "Search"): every place a search looks
-- has its own index, so that a search costs the same on a million reports as on ten.
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
create extension if not exists pg_trgm;

-- URLs and properties by substring (ILIKE '%...%'), at least one trigram (3 characters)
create index report_url_url_trgm_idx on report_url using gin (url gin_trgm_ops);
create index abuse_case_property_trgm_idx on abuse_case using gin (property gin_trgm_ops);
-- a URL's host exactly: trigrams that most URLs share (".com", "www") make a substring
-- search for a host read most of the trigram index, equality reads one entry
create index report_url_host_idx on report_url
    (left(lower(substring(url from '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^/?#@]*@)?([^/?#:]+)')), 255));
-- IP addresses and origins, accounts and reporters' emails by equality
create index report_address_address_idx on report_address (address);
create index report_origin_address_idx on report (origin_address) where origin_address is not null;
create index abuse_case_account_ref_idx on abuse_case (account_ref);
create index report_reporter_email_idx on report (lower(reporter_email)) where reporter_email is not null;
-- the reports' own words (justification and comments), as full text without stemming
create index report_text_fts_idx on report using gin
    (to_tsvector('simple', coalesce(justification, '') || ' ' || coalesce(comments, '')));
-- browsing all cases (closed ones too) newest or last changed first
create index abuse_case_opened_idx on abuse_case (opened_at, id);
create index abuse_case_updated_idx on abuse_case (updated_at, id);

-- A staff user's saved searches: a name and the search's query string.
create table console_saved_search (
    id         bigserial primary key,
    staff_user text not null,
    name       text not null check (length(name) between 1 and 80),
    query      text not null check (length(query) <= 1000),
    created_at timestamptz not null default now(),
    unique (staff_user, name)
);

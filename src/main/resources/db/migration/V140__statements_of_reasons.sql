-- Statements of reasons (DSA Art. 17) in the field vocabulary of the EU DSA Transparency
-- Database, one per restriction that took effect and one per restoration, and their
-- submission to the database (Art. 24(5)). The table is its own durable queue: a
-- statement waits until a node claims it (FOR UPDATE SKIP LOCKED, with a lease), is
-- submitted in a batch of at most 100 and recorded; a statement the database refuses
-- is kept with its error for staff.
create table statement_of_reasons (
    id              bigserial primary key,
    -- the platform's unique identifier of the statement in the database
    puid            text not null unique check (puid ~ '^[A-Za-z0-9_-]+$' and length(puid) <= 500),
    mitigation_id   bigint not null,
    kind            text not null check (kind in ('restriction', 'restoration')),
    case_id         bigint not null,
    mitigation_type text not null,
    -- the statement exactly in the database's fields; no personal data
    statement       jsonb not null,
    -- outside_scope: restricts nothing in the EEA (a legal block limited to other
    -- countries), kept but never submitted
    status          text not null default 'waiting'
                    check (status in ('waiting', 'submitting', 'submitted', 'refused', 'outside_scope')),
    attempts        int not null default 0,
    next_attempt_at timestamptz not null default now(),
    lease_until     timestamptz,
    last_error      text,
    -- the database's own id of the statement, once submitted
    database_uuid   text,
    created_at      timestamptz not null default now(),
    submitted_at    timestamptz,
    unique (mitigation_id, kind)
);

create index statement_of_reasons_due_idx on statement_of_reasons (next_attempt_at) where status = 'waiting';
create index statement_of_reasons_lease_idx on statement_of_reasons (lease_until) where status = 'submitting';
create index statement_of_reasons_created_idx on statement_of_reasons (created_at);

-- How far the statement scan has read the mitigations' change sequence (V50: change
-- numbers commit in increasing order, so nothing below the cursor can appear later).
create table transparency_cursor (
    name     text primary key,
    position bigint not null
);

insert into transparency_cursor (name, position) values ('mitigation_changes', 0);

-- The transparency report reads periods of reports, decisions and mitigations.
create index mitigation_effective_at_idx on mitigation (effective_at);

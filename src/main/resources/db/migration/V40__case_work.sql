-- Staff sign in to the console with a password (hashed, {bcrypt} by default); API tokens stay as they are.
alter table staff_user add column password_hash text;

-- What the queue filters on, kept on the case as reports are attached, so that the queue
-- walks one index instead of joining the decisions of a million cases.
alter table abuse_case add column services text[] not null default '{}';
alter table abuse_case add column rules text[] not null default '{}';
alter table abuse_case add column trusted_flagger boolean not null default false;
alter table abuse_case add column account_at_risk boolean not null default false;
alter table abuse_case add column escalated_to text;

-- The queue: open cases by priority, then due time (no due time last), then id; the
-- keyset of the console's pages.
create index abuse_case_work_queue_idx on abuse_case (priority, (coalesce(due_at, 'infinity'::timestamptz)), id)
    where status in ('new', 'triage', 'awaiting_customer', 'in_review', 'awaiting_approval', 'appealed');

-- Who works a case. The primary key makes the database the referee between nodes.
create table case_claim (
    case_id    bigint primary key references abuse_case (id),
    staff_user text not null,
    claimed_at timestamptz not null default now(),
    expires_at timestamptz not null
);

-- A plan a reviewer accepted (or changed) that waits for approval, and its answers.
create table case_proposal (
    id          bigserial primary key,
    case_id     bigint not null references abuse_case (id),
    plan        jsonb not null,
    review      text not null check (review in ('none', 'one', 'two_distinct_approvers', 'senior')),
    proposed_by text not null,
    reason      text,
    proposed_at timestamptz not null default now(),
    status      text not null default 'awaiting_approval'
                check (status in ('awaiting_approval', 'approved', 'refused', 'applied')),
    decided_at  timestamptz
);
create unique index case_proposal_open_idx on case_proposal (case_id) where status = 'awaiting_approval';

create table case_proposal_answer (
    proposal_id bigint not null references case_proposal (id),
    approver    text not null,
    decision    text not null check (decision in ('approve', 'refuse')),
    reason      text,
    decided_at  timestamptz not null default now(),
    -- one answer per person: approvers are distinct
    primary key (proposal_id, approver)
);

create table case_note (
    id         bigserial primary key,
    case_id    bigint not null references abuse_case (id),
    author     text not null,
    body       text not null,
    created_at timestamptz not null default now()
);
create index case_note_case_idx on case_note (case_id);

create table case_link (
    case_id        bigint not null references abuse_case (id),
    linked_case_id bigint not null references abuse_case (id),
    kind           text not null check (kind in ('related', 'merged_into')),
    linked_by      text not null,
    linked_at      timestamptz not null default now(),
    primary key (case_id, linked_case_id),
    check (case_id <> linked_case_id)
);

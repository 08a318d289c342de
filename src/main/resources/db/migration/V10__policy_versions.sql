-- Policy documents, immutable once stored: a decision's policy_version names one text forever.
create table policy_version (
    version      text primary key,
    document     text not null,
    sha256       text not null,
    author       text not null,
    created_at   timestamptz not null default now(),
    activated_at timestamptz,
    active       boolean not null default false
);

-- Exactly one active version: the index makes a second one impossible, whichever node tries.
create unique index policy_version_one_active_idx on policy_version ((true)) where active;

-- Plans now propose mitigations, may deny, and may be refused by a guardrail. A case's
-- reports can be decided again when its facts change (an emergency), as a new revision.
alter table decision
    add column mitigations   jsonb not null default '[]',
    add column denial_reason text,
    add column refusal       text,
    add column revision      int not null default 0;
alter table decision drop constraint decision_report_id_service_key;
alter table decision add constraint decision_report_service_revision_key unique (report_id, service, revision);
create index decision_decided_at_idx on decision (decided_at);

-- Emergencies declared on cases (imminent threat to human life) and their approvals.
create table case_emergency (
    id            bigserial primary key,
    case_id       bigint not null references abuse_case (id),
    declared_by   text not null,
    justification text not null,
    status        text not null default 'awaiting_approval'
                  check (status in ('awaiting_approval', 'approved', 'refused')),
    declared_at   timestamptz not null default now(),
    decided_at    timestamptz
);

-- One open emergency per case at a time.
create unique index case_emergency_open_idx on case_emergency (case_id) where status = 'awaiting_approval';

-- One answer per person per emergency: the primary key keeps approvers distinct.
create table case_approval (
    emergency_id bigint not null references case_emergency (id),
    approver     text not null,
    decision     text not null check (decision in ('approve', 'refuse')),
    reason       text,
    decided_at   timestamptz not null default now(),
    primary key (emergency_id, approver)
);

-- Mitigations, minimally, until the mitigation lifecycle (issue #6) takes this table over.
create table mitigation (
    id                bigserial primary key,
    case_id           bigint not null,
    type              text not null,
    target            text not null,
    territorial_scope text[] not null default '{}',
    status            text not null check (status in ('pending', 'active', 'cancelled', 'removed')),
    effective_at      timestamptz not null,
    expires_at        timestamptz,
    review_at         timestamptz,
    created_at        timestamptz not null default now()
);

create index mitigation_case_idx on mitigation (case_id);
create index mitigation_expiry_idx on mitigation (expires_at) where status in ('pending', 'active');

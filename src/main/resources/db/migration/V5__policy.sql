create table decision (
    id             bigserial primary key,
    report_id      bigint not null references report (id),
    service        text not null,
    policy_version text not null,
    rule           text not null,
    review         text not null,
    priority       text not null,
    due_in_seconds bigint not null,
    notifications  text[] not null,
    explanation    text not null,
    facts          jsonb not null,
    decided_at     timestamptz not null default now(),
    unique (report_id, service)
);

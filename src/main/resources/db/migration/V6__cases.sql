-- "case" is an SQL keyword, hence abuse_case.
create table abuse_case (
    id          bigserial primary key,
    status      text not null check (status in ('new', 'triage', 'awaiting_customer', 'in_review',
                    'awaiting_approval', 'actioned', 'forwarded', 'rejected', 'appealed', 'closed')),
    property_id bigint not null,
    property    text not null,
    account_ref text not null,
    report_type text not null,
    priority    text not null,
    due_at      timestamptz,
    opened_at   timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

-- At most one open case per property and harm: new reports attach to it.
create unique index abuse_case_open_idx on abuse_case (property_id, report_type)
    where status not in ('closed', 'rejected');
create index abuse_case_queue_idx on abuse_case (status, priority, due_at);

create table case_report (
    case_id     bigint not null references abuse_case (id),
    report_id   bigint not null unique references report (id),
    attached_at timestamptz not null default now(),
    primary key (case_id, report_id)
);

-- Everything a reporter sent, stored before the first check runs.
create table raw_submission (
    id             bigserial primary key,
    received_at    timestamptz not null default now(),
    channel        text not null,
    report_type    text not null,
    client_address text,
    body           bytea not null,
    sha256         text not null,
    outcome        text not null default 'received'
                   check (outcome in ('received', 'stored', 'invalid')),
    errors         jsonb
);

create table report (
    id                    bigserial primary key,
    tracking_code         text not null unique,
    raw_submission_id     bigint references raw_submission (id),
    type                  text not null,
    status                text not null check (status in ('submitted', 'accepted', 'denied')),
    denial_reason         text,
    reporter_name         text,
    reporter_email        text,
    reporter_kind         text not null,
    reporter_organisation text,
    reporter_country      text,
    justification         text,
    comments              text,
    targeted_brand        text,
    notify_host           text not null,
    notify_owner          text not null,
    good_faith            boolean not null,
    -- the resolution of the reported host when the report arrived
    target                text not null,
    account_id            bigint,
    account_ref           text,
    account_name          text,
    account_contact       text,
    account_at_risk       boolean,
    account_status        text,
    property_id           bigint,
    property              text,
    property_kind         text,
    services              text[] not null default '{}',
    origin_address        text,
    origin_host_name      text,
    origin_host_contact   text,
    received_at           timestamptz not null default now(),
    decided_at            timestamptz
);

create index report_property_idx on report (property_id);
create index report_received_at_idx on report (received_at);

create table report_url (
    report_id bigint not null references report (id),
    position  int not null,
    url       text not null,
    primary key (report_id, position)
);

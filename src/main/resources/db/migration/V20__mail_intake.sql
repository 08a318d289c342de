-- Every message the abuse mailbox receives, stored exactly as received before anything
-- parses it. The same bytes twice are one message (sha256), reported as a duplicate.
create table mail_message (
    id               bigserial primary key,
    received_at      timestamptz not null default now(),
    channel          text not null,
    envelope_sender  text,
    header_sender    text,
    message_id       text,
    size             int not null,
    sha256           text not null unique,
    raw              bytea not null,
    status           text not null default 'received'
                     check (status in ('received', 'accepted', 'quarantined')),
    format           text,
    reason           text,
    problems         jsonb,
    processed_at     timestamptz
);

create index mail_message_quarantined_idx on mail_message (id) where status = 'quarantined';

-- Failures per sender per day: a noisy sender makes one row with a count, not thousands.
create table mail_failure (
    sender       text not null,
    day          date not null,
    count        int not null,
    last_message bigint not null references mail_message (id),
    last_reason  text not null,
    primary key (sender, day)
);

create index report_source_idx on report (source);

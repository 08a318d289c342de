-- Outbound messages, written in the transaction of the decision that calls for them and
-- delivered after commit. The idempotency key names (report, kind, recipient): a message
-- is queued at most once, and it is also the Message-ID, so that a resend after a crash
-- between sending and recording can be recognised by the receiver.
create table outbox_message (
    id              bigserial primary key,
    idempotency_key text not null unique,
    kind            text not null,
    report_id       bigint,
    case_id         bigint,
    recipient       text not null,
    subject         text not null,
    body            text not null,
    status          text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed')),
    attempts        int not null default 0,
    next_attempt_at timestamptz not null default now(),
    lease_until     timestamptz,
    last_error      text,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz
);

create index outbox_message_due_idx on outbox_message (next_attempt_at) where status = 'pending';
create index outbox_message_lease_idx on outbox_message (lease_until) where status = 'sending';
create index outbox_message_report_idx on outbox_message (report_id);

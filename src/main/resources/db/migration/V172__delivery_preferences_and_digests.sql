-- Per-recipient delivery preferences from the catalog (issue 18): the format of a notice
-- (prose, prose with an X-ARF v4 attachment, ARF) and whether it comes at once or in a
-- digest every digest_minutes.
create table delivery_preference (
    recipient      text primary key,
    format         text not null check (format in ('prose', 'prose_xarf', 'arf')),
    aggregation    text not null check (aggregation in ('immediate', 'digest')),
    digest_minutes int not null default 0 check (digest_minutes between 0 and 1440),
    updated_at     timestamptz not null default now(),
    check ((aggregation = 'digest') = (digest_minutes > 0))
);

-- Attachments of an outbound message (X-ARF reports, feedback reports): a JSON list of
-- {"filename", "content_type", "content"}; null for a message of words only.
alter table outbox_message add column attachments text;

-- Notices waiting for their recipient's next digest. A digest takes every waiting notice
-- of its recipient once the oldest is due, in one transaction (claimed with SKIP LOCKED).
create table digest_item (
    id              bigserial primary key,
    idempotency_key text not null unique,
    recipient       text not null,
    kind            text not null,
    report_id       bigint not null,
    case_id         bigint not null,
    tracking_code   text not null,
    format          text not null,
    summary         text not null,
    attachment      text,
    created_at      timestamptz not null default now(),
    due_at          timestamptz not null,
    digest_key      text
);
create index digest_item_waiting_idx on digest_item (recipient, id) where digest_key is null;
create index digest_item_due_idx on digest_item (due_at) where digest_key is null;

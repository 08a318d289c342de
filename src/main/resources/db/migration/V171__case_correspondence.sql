-- Answers to our messages (issue 18): every outbound message is found again by the
-- Message-ID it was sent with (OutboxDispatcher derives it from the idempotency key, so
-- it is computed here the same way for every row, old and new).
alter table outbox_message add column message_id text;
update outbox_message
   set message_id = '<' || left(encode(sha256(convert_to(idempotency_key, 'UTF8')), 'hex'), 32) || '@abusedesk>';

create function outbox_message_id() returns trigger language plpgsql as $$
begin
    new.message_id := '<' || left(encode(sha256(convert_to(new.idempotency_key, 'UTF8')), 'hex'), 32)
                      || '@abusedesk>';
    return new;
end $$;

create trigger outbox_message_id before insert on outbox_message
    for each row execute function outbox_message_id();

create index outbox_message_message_id_idx on outbox_message (message_id);

-- What the host, the owner or the reporter wrote back, in the case it answers.
create table case_correspondence (
    id                bigserial primary key,
    case_id           bigint not null references abuse_case (id),
    report_id         bigint references report (id),
    mail_message_id   bigint not null references mail_message (id),
    outbox_message_id bigint references outbox_message (id),
    -- reply, auto_reply or bounce
    kind              text not null check (kind in ('reply', 'auto_reply', 'bounce')),
    -- whom we had written to: host, owner, reporter, or unknown (found by tracking code)
    party             text not null check (party in ('host', 'owner', 'reporter', 'unknown')),
    sender            text,
    subject           text,
    body              text not null,
    received_at       timestamptz not null default now()
);
create index case_correspondence_case_idx on case_correspondence (case_id, id);

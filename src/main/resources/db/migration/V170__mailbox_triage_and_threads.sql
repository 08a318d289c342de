-- The abuse mailbox (issue 18): a message answering one of ours is threaded into its case
-- ('threaded'); our own messages and automatic replies answering nothing are 'ignored'.
alter table mail_message drop constraint mail_message_status_check;
alter table mail_message add constraint mail_message_status_check
    check (status in ('received', 'accepted', 'quarantined', 'threaded', 'ignored'));

-- Reports filed from a message that did not say what kind of abuse it reports: filed as
-- 'general' with every indicator, for a person to pick the type (type_unclear).
create table mail_type_unclear (
    report_id       bigint primary key references report (id),
    mail_message_id bigint not null references mail_message (id),
    flagged_at      timestamptz not null default now(),
    chosen_type     text,
    chosen_by       text,
    chosen_at       timestamptz
);
create index mail_type_unclear_open_idx on mail_type_unclear (report_id) where chosen_type is null;

-- The mitigation lifecycle (issue #6): in_review, what a mitigation applies to, the
-- statement of why, and a change sequence that edges sync by.
alter table mitigation drop constraint mitigation_status_check;
alter table mitigation add constraint mitigation_status_check
    check (status in ('pending', 'active', 'in_review', 'cancelled', 'removed'));

alter table mitigation
    add column account_ref        text,
    add column property           text,
    -- the URL pattern, zone or account ref the mitigation applies to
    add column target_value       text,
    -- plain language, shown to the customer and on the interstitial; no reporter data
    add column statement          text,
    -- DSA Transparency Database vocabulary
    add column decision_ground    text,
    add column legal_ground       text,
    add column incompatible_ground text,
    add column updated_at         timestamptz not null default now(),
    add column change_seq         bigint;

create sequence mitigation_change_seq;

-- Every insert and update takes the next change number. The transaction-scoped advisory
-- lock, taken before the number, makes change numbers commit in increasing order, so an
-- edge that has read up to cursor n can never later miss a change numbered below n. Code
-- that changes mitigations does so last in its transaction (after its audit appends), so
-- that the lock is held only until commit and never waited for while holding it.
create function mitigation_changed() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(7366206110);
    new.change_seq := nextval('mitigation_change_seq');
    new.updated_at := now();
    return new;
end;
$$;

create trigger mitigation_change_seq_trigger before insert or update on mitigation
    for each row execute function mitigation_changed();

-- Existing rows learn what they apply to from their case, and get their change numbers.
update mitigation m set account_ref = c.account_ref, property = c.property, target_value = c.property
from abuse_case c where c.id = m.case_id;
update mitigation set change_seq = 0 where change_seq is null;

alter table mitigation alter column change_seq set not null;
create unique index mitigation_change_seq_idx on mitigation (change_seq);
create index mitigation_account_idx on mitigation (account_ref, id);
create index mitigation_due_idx on mitigation (effective_at) where status = 'pending';

-- Outbound messages go by SMTP or as signed webhooks.
alter table outbox_message add column channel text not null default 'smtp'
    check (channel in ('smtp', 'webhook'));
drop index outbox_message_due_idx;
create index outbox_message_due_idx on outbox_message (channel, next_attempt_at) where status = 'pending';

-- Edge systems (the provider's proxy and hosting) read the active mitigations.
alter table staff_user drop constraint staff_user_role_check;
alter table staff_user add constraint staff_user_role_check
    check (role in ('agent', 'reviewer', 'senior', 'legal', 'admin', 'edge'));

-- Customers' API tokens: 256-bit secrets, stored as SHA-256 only, one account each.
create table customer_token (
    id          bigserial primary key,
    token_hash  text not null unique,
    account_ref text not null,
    label       text not null,
    created_at  timestamptz not null default now(),
    revoked_at  timestamptz
);

create index customer_token_account_idx on customer_token (account_ref);

-- Customers list the reports about their account.
create index report_account_ref_idx on report (account_ref, id);

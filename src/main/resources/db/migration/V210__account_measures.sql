-- Repeat infringers (issue 13, DSA Art. 23): the measure the policy's repeat_infringers
-- ladder proposes for an account when a strike takes it to a step (a warning, an
-- account review, the suspension of the account), with its statement of reasons. A
-- senior decides every proposal (confirmed or declined, with a reason); nothing happens
-- to the account before. At most one proposal per account, report type and step is open.
create table account_measure (
    id              bigserial primary key,
    account_ref     text not null,
    report_type     text not null,
    measure         text not null check (measure in ('warning', 'account_review', 'suspension')),
    strikes         int not null,
    policy_version  text not null,
    case_id         bigint,
    statement       text not null,
    review          text not null default 'senior' check (review = 'senior'),
    status          text not null default 'proposed' check (status in ('proposed', 'confirmed', 'declined')),
    proposed_at     timestamptz not null default now(),
    decided_at      timestamptz,
    decided_by      text,
    decision_reason text,
    check ((status = 'proposed') = (decided_at is null))
);
create unique index account_measure_open_idx on account_measure (account_ref, report_type, measure)
    where status = 'proposed';
create index account_measure_account_idx on account_measure (account_ref, proposed_at);

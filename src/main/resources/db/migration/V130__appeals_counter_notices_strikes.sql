-- Redress (issue 13). An appeal contests one decision: a customer's against a mitigation
-- (decision_ref mitigation:<id>), a reporter's against a denial (report:<id>). At most
-- one open appeal per decision and party. Kept with its filed and decided times and its
-- outcome, so that the transparency report can count appeals, reversals and the median
-- time to decide.
create table appeal (
    id              bigserial primary key,
    party           text not null check (party in ('customer', 'reporter')),
    decision_ref    text not null,
    case_id         bigint references abuse_case (id),
    mitigation_id   bigint references mitigation (id),
    report_id       bigint references report (id),
    account_ref     text,
    decision_at     timestamptz not null,
    reason          text not null check (reason in ('removed', 'misclassified', 'other')),
    statement       text not null check (length(statement) between 1 and 5000),
    evidence        text check (length(evidence) <= 5000),
    status          text not null default 'open' check (status in ('open', 'decided')),
    filed_at        timestamptz not null default now(),
    due_at          timestamptz not null,
    -- the case stream's entries up to this seq were before the appeal: whoever acted in
    -- them took part in the decision and does not decide the appeal
    case_seq        bigint not null default 0,
    decided_at      timestamptz,
    decided_by      text,
    outcome         text check (outcome in ('upheld', 'reversed', 'modified')),
    outcome_reason  text,
    check ((status = 'open') = (outcome is null))
);
create unique index appeal_open_idx on appeal (decision_ref, party) where status = 'open';
create index appeal_queue_idx on appeal (due_at, id) where status = 'open';
create index appeal_case_idx on appeal (case_id);
create index appeal_filed_idx on appeal (filed_at);

-- A DMCA counter-notice (17 U.S.C. 512(g)(3)) against a content_disable mitigation. The
-- content is restored at restore_at (10 to 14 business days after filing) by whichever
-- node claims the row first, unless the complainant told us of an action filed.
create table counter_notice (
    id               bigserial primary key,
    case_id          bigint not null references abuse_case (id),
    mitigation_id    bigint not null unique references mitigation (id),
    account_ref      text not null,
    signature        text not null,
    material         text not null,
    location         text not null,
    good_faith       text not null,
    name             text not null,
    address          text not null,
    phone            text not null,
    jurisdiction     text not null,
    status           text not null default 'waiting' check (status in ('waiting', 'restored', 'action_filed')),
    filed_at         timestamptz not null default now(),
    restore_at       timestamptz not null,
    restored_at      timestamptz,
    action_filed_at  timestamptz,
    action_reference text
);
create index counter_notice_due_idx on counter_notice (restore_at, id) where status = 'waiting';

-- Strikes (DSA Art. 23, repeat infringers): a customer's for each confirmed violation, a
-- reporter's for each notice denied as manifestly unfounded. subject is the account ref
-- or the reporter's email in lower case. A strike counts until it expires.
create table strike (
    id            bigserial primary key,
    party         text not null check (party in ('customer', 'reporter')),
    subject       text not null,
    report_type   text not null,
    basis         text not null check (basis in ('upheld', 'uncontested', 'manifestly_unfounded')),
    case_id       bigint,
    mitigation_id bigint,
    report_id     bigint,
    appeal_id     bigint,
    note          text,
    recorded_by   text not null,
    recorded_at   timestamptz not null default now(),
    expires_at    timestamptz not null
);
create unique index strike_mitigation_idx on strike (mitigation_id) where party = 'customer';
create unique index strike_report_idx on strike (report_id) where party = 'reporter';
create index strike_subject_idx on strike (party, subject, expires_at);

-- Notices from a reporter are refused until "until" (never children reports).
create table reporter_suspension (
    id         bigserial primary key,
    reporter   text not null,
    starts_at  timestamptz not null default now(),
    until      timestamptz not null,
    strikes    int not null,
    reason     text not null
);
create index reporter_suspension_idx on reporter_suspension (reporter, until);

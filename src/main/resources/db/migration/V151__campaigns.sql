-- Issue 15: campaigns against one customer and the per-target budget of automatic work.

-- the reports against one account in a window, newest first (campaign detection)
create index report_account_received_idx on report (account_ref, received_at desc);

-- a case that holds a campaign, with the evidence shown to staff
create table case_campaign (
    case_id        bigint primary key references abuse_case (id),
    account_ref    text not null,
    reports        int not null,
    reporters      int not null,
    near_identical int not null,
    similarity     double precision not null,
    countries      text[] not null default '{}',
    since          timestamptz not null,
    flagged_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);

-- automatic forwards spent per account in the current window
create table target_budget (
    account_ref  text primary key,
    window_start timestamptz not null,
    spent        int not null check (spent >= 0)
);

-- Issue 15: referrals that really leave, and the preservation of what they are about.

-- staff confirm child sexual abuse material on a children case: the basis of the NCMEC
-- CyberTipline report and of the preservation hold
alter table case_confirmation drop constraint case_confirmation_fact_check;
alter table case_confirmation add constraint case_confirmation_fact_check
    check (fact in ('phishing_confirmed', 'malware_confirmed', 'csam_confirmed'));

-- One referral of a case to one authority: a CyberTipline report to NCMEC (sent by the
-- connector in steps: open, upload each file, file details, finish) or a law-enforcement
-- referral (sent through the outbox by email or webhook). The row is its own to-do for the
-- connector: claimed with a lease (FOR UPDATE SKIP LOCKED), each step recorded as soon as
-- the other side answered, so that a node that dies resumes where the last one stopped.
create table referral (
    id              bigserial primary key,
    case_id         bigint not null references abuse_case (id),
    kind            text not null check (kind in ('ncmec_referral', 'law_enforcement_referral')),
    authority       text not null,
    country         text,
    channel         text not null check (channel in ('ncmec_api', 'smtp', 'webhook')),
    recipient       text,
    basis           text not null,
    requested_by    text not null,
    content         text not null,
    status          text not null default 'pending'
                    check (status in ('pending', 'opened', 'queued', 'submitted', 'failed')),
    external_id     text,
    attempts        int not null default 0,
    next_attempt_at timestamptz not null default now(),
    claimed_by      text,
    lease_until     timestamptz,
    last_error      text,
    created_at      timestamptz not null default now(),
    submitted_at    timestamptz,
    unique (case_id, kind, authority)
);
create index referral_due_idx on referral (next_attempt_at) where status in ('pending', 'opened');

-- The files of a CyberTipline report and how far each got.
create table referral_file (
    referral_id   bigint not null references referral (id),
    evidence_id   bigint not null references evidence (id),
    file_id       text,
    details_sent  boolean not null default false,
    primary key (referral_id, evidence_id)
);

-- Evidence preserved for a case (18 U.S.C. 2258A(h): at least 90 days): while a hold is in
-- force nothing it covers can be deleted, by the application or by hand.
create table preservation_hold (
    id          bigserial primary key,
    case_id     bigint not null unique references abuse_case (id),
    basis       text not null,
    held_by     text not null,
    held_at     timestamptz not null default now(),
    held_until  timestamptz not null check (held_until >= held_at + interval '90 days')
);

create table preservation_hold_report (
    hold_id   bigint not null references preservation_hold (id),
    report_id bigint not null references report (id),
    primary key (hold_id, report_id)
);
create index preservation_hold_report_idx on preservation_hold_report (report_id);

create function preservation_refuse_delete() returns trigger
language plpgsql as $$
begin
    if exists (select 1 from preservation_hold_report r join preservation_hold h on h.id = r.hold_id
               where r.report_id = old.report_id and h.held_until > now()) then
        raise exception '% % is on a preservation hold and cannot be deleted', tg_table_name, old.id
            using hint = 'evidence preserved for a case stays until its hold ends';
    end if;
    return old;
end;
$$;

create trigger evidence_preserved before delete on evidence
    for each row execute function preservation_refuse_delete();

create function preservation_refuse_raw_delete() returns trigger
language plpgsql as $$
begin
    if old.held then
        raise exception 'raw_submission % is on hold and cannot be deleted', old.id;
    end if;
    return old;
end;
$$;

create trigger raw_submission_preserved before delete on raw_submission
    for each row execute function preservation_refuse_raw_delete();

create function preservation_refuse_report_delete() returns trigger
language plpgsql as $$
begin
    if exists (select 1 from preservation_hold_report r join preservation_hold h on h.id = r.hold_id
               where r.report_id = old.id and h.held_until > now()) then
        raise exception 'report % is on a preservation hold and cannot be deleted', old.id;
    end if;
    return old;
end;
$$;

create trigger report_preserved before delete on report
    for each row execute function preservation_refuse_report_delete();

-- Requests from authorities (government, law_enforcement reporters), counted per country and
-- target for the account view and the transparency report.
create table authority_request (
    report_id     bigint primary key references report (id),
    reporter_kind text not null check (reporter_kind in ('government', 'law_enforcement')),
    country       text,
    account_ref   text not null,
    property      text,
    at_risk       boolean not null,
    cites_policy  boolean not null,
    cited_phrases text[] not null default '{}',
    received_at   timestamptz not null
);
create index authority_request_account_idx on authority_request (account_ref, received_at);
create index authority_request_country_idx on authority_request (country, received_at);

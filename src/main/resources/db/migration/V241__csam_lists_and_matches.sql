-- Issue 16: a known-content list shared by NCMEC (source 'ncmec') is a list of child sexual
-- abuse material; a file matching it feeds the case's CyberTipline report.
alter table known_hash_list add column csam boolean not null default false;
update known_hash_list set csam = true where lower(source) = 'ncmec';

-- The matches found when evidence arrived (the router looks at every file once).
create table evidence_known_match (
    evidence_id bigint not null references evidence (id) on delete cascade,
    report_id   bigint not null references report (id) on delete cascade,
    list        text not null,
    source      text not null,
    csam        boolean not null,
    algorithm   text not null check (algorithm in ('md5', 'sha256', 'pdq')),
    hash        text not null,
    distance    int not null,
    matched_at  timestamptz not null default now(),
    primary key (evidence_id, list, algorithm, hash)
);
create index evidence_known_match_csam_idx on evidence_known_match (report_id) where csam;

-- A CyberTipline report drafted from a CSAM-list match waits for staff to confirm the
-- material (they look at the file) before the connector sends it.
alter table referral drop constraint referral_status_check;
alter table referral add constraint referral_status_check
    check (status in ('awaiting_confirmation', 'pending', 'opened', 'queued', 'submitted', 'failed'));

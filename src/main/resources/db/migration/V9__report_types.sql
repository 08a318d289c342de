-- Every report type: type-specific fields as given (validated against the type's spec),
-- the reporter's choice for the NCMEC referral, evidence files, duplicate detection and
-- the secret that lets a reporter see the status of their report.
alter table report add column details jsonb not null default '{}';
update report set details = jsonb_build_object('targeted_brand', targeted_brand) where targeted_brand is not null;
alter table report drop column targeted_brand;
alter table report add column notify_ncmec text;
alter table report add column fingerprint text;
alter table report add column duplicate_of bigint references report (id);
alter table report add column status_secret_hash text;
alter table report alter column reporter_name drop not null;
create index report_fingerprint_idx on report (fingerprint, received_at);

create table evidence (
    id            bigserial primary key,
    report_id     bigint references report (id),
    filename      text not null,
    declared_type text,
    detected_type text not null,
    size          int not null,
    sha256        text not null,
    content       bytea not null,
    created_at    timestamptz not null default now()
);
create index evidence_report_idx on evidence (report_id);

-- Issue 16: snapshots of hosted URLs, read through the operator's content source, are
-- evidence like uploads; where a file came from, and for a snapshot the URL it was taken of.
alter table evidence add column source text not null default 'reporter'
    check (source in ('reporter', 'snapshot'));
alter table evidence add column source_url text;

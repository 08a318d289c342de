-- Invalid raw submissions are deleted after a retention period unless held (evidence on
-- hold for a case or an authority); past a client's daily quota an invalid body keeps its
-- hash, size and errors but not its bytes (issue 12, item 5).
alter table raw_submission add column held boolean not null default false;
alter table raw_submission add column body_withheld_bytes int;
create index raw_submission_invalid_idx on raw_submission (received_at) where outcome = 'invalid' and not held;

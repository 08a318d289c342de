-- The reports waiting to be decided, which the router claims oldest first and admission
-- control counts: a small index, as reports leave 'submitted' within moments.
create index report_submitted_idx on report (id) where status = 'submitted';

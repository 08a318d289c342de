-- Staff control of mitigations (issue 19): a review date that passes puts the mitigation's
-- case back in the review queue, once per review date (a new date set by staff counts
-- again). A row of its own, not a column of mitigation, so that marking a review as due
-- is not a change the edge reads (the mitigation's change sequence, V50).
create table mitigation_review_due (
    mitigation_id bigint      not null references mitigation (id),
    review_at     timestamptz not null,
    queued_at     timestamptz not null default now(),
    primary key (mitigation_id, review_at)
);

create index mitigation_review_idx on mitigation (review_at) where status in ('pending', 'active');

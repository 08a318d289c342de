-- Mitigations recorded before every mitigation without an expiry got a review date
-- (issue 19) would otherwise sit unreviewed for ever: each is given one 90 days (the
-- default of abusedesk.mitigations.default-review-after) after the later of when it
-- takes effect and now, so that the review queue is not flooded on the day of upgrade.
update mitigation
set review_at = greatest(effective_at, now()) + interval '90 days'
where expires_at is null and review_at is null and status in ('pending', 'active', 'in_review');

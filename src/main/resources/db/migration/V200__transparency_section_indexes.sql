-- The transparency report's appeals, authority-request and referral sections read their
-- tables by time range: one index per time they count by.
create index appeal_decided_idx on appeal (decided_at) where decided_at is not null;
create index counter_notice_filed_idx on counter_notice (filed_at);
create index counter_notice_restored_idx on counter_notice (restored_at) where restored_at is not null;
create index counter_notice_action_idx on counter_notice (action_filed_at) where action_filed_at is not null;
create index strike_recorded_idx on strike (recorded_at);
create index reporter_suspension_starts_idx on reporter_suspension (starts_at);
create index authority_request_received_idx on authority_request (received_at);
create index referral_created_idx on referral (kind, created_at);
create index referral_submitted_idx on referral (kind, submitted_at) where submitted_at is not null;
create index case_campaign_flagged_idx on case_campaign (flagged_at);

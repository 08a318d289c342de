-- Issue 15: a campaign can come through one reporter's API token, and its thresholds are
-- the policy version's settings; the case keeps which tokens and which version found it.
alter table case_campaign add column token_reports int not null default 0;
alter table case_campaign add column tokens text[] not null default '{}';
alter table case_campaign add column policy_version text;

-- the campaigns of one account, newest first (the console's account page)
create index case_campaign_account_idx on case_campaign (account_ref, flagged_at desc);

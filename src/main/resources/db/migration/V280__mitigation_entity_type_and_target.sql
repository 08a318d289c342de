-- Issue 20, ADR 0014: a mitigation's entity_type is what kind of thing it applies to
-- (url_pattern, zone, account) and its target is the thing itself (the URL pattern, the
-- zone, the account ref), as DOMAIN.md says and the API already answered. The columns
-- said target for the kind and target_value for the thing.
alter table mitigation rename column target to entity_type;
alter table mitigation rename column target_value to target;

-- Staff tokens registered from ABUSEDESK_ADMIN_TOKEN / ABUSEDESK_EDGE_TOKEN (or generated
-- in the demo) are marked with the variable they came from, so that a start with another
-- value revokes the token of the previous one (rotation revokes).
alter table api_token add column bootstrap text check (bootstrap in ('admin', 'edge'));

update api_token set bootstrap = 'admin' where label in ('from ABUSEDESK_ADMIN_TOKEN', 'demo');
update api_token set bootstrap = 'edge' where label = 'from ABUSEDESK_EDGE_TOKEN';

create index api_token_bootstrap_idx on api_token (bootstrap) where bootstrap is not null and revoked_at is null;

-- A claim names the node that holds it, and every node keeps a heartbeat row: a claim
-- whose holder has not been seen for the node timeout (abusedesk.outbox.node-timeout,
-- 30 s by default) is taken over at once instead of when its five-minute lease ends
-- (docs/adr/0010). Claims without a holder (made before this version) wait for their lease.
create table outbox_node (
    node_id    text primary key,
    started_at timestamptz not null default now(),
    last_seen  timestamptz not null default now()
);

alter table outbox_message add column claimed_by text;

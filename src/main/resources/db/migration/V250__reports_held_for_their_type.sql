-- A report filed without its type (the abuse mailbox's type_unclear) waits for a person to
-- pick it: stored, with its tracking code and receipt, but the router leaves it until the
-- type is picked, so that nothing is forwarded, mitigated or told under a type nobody chose.
alter table report add column held_for text check (held_for in ('type_unclear'));

-- the router's to-do: submitted and not held
drop index report_submitted_idx;
create index report_submitted_idx on report (id) where status = 'submitted' and held_for is null;

update report set held_for = 'type_unclear'
where status = 'submitted' and id in (select report_id from mail_type_unclear where chosen_type is null);

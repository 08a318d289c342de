-- The same rule for every chain hash (64 lower-case hex digits), checked about ten times
-- more cheaply: PostgreSQL's regular expressions expand a counted repetition ({64}) into
-- a large automaton, which cost about 6 microseconds per hash checked, two per audit entry
-- and one per head advanced (docs/adr/0005, fourth pass). The length and an unbounded
-- class say the same. Not validated again: every row already passed the old, equivalent
-- checks, and a validation would read the whole log while every append waits.
alter table audit_entry
    drop constraint audit_entry_prev_hash_check,
    drop constraint audit_entry_hash_check,
    add constraint audit_entry_prev_hash_check check (length(prev_hash) = 64 and prev_hash ~ '^[0-9a-f]*$') not valid,
    add constraint audit_entry_hash_check check (length(hash) = 64 and hash ~ '^[0-9a-f]*$') not valid;
alter table audit_stream
    drop constraint audit_stream_last_hash_check,
    add constraint audit_stream_last_hash_check check (length(last_hash) = 64 and last_hash ~ '^[0-9a-f]*$') not valid;

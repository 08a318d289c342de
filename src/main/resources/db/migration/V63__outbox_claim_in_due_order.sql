-- The claim took the due messages of a channel in id order: with thousands waiting (a
-- busy minute), every claim read and sorted all of them to take the first hundred, about
-- a third of the database's time under load (docs/adr/0005, fourth pass). The claim now
-- takes them in the order they fell due, which this index gives without a sort, and
-- stops after a batch. (Built in the migration's transaction: outbox inserts wait while it
-- is built. CREATE INDEX CONCURRENTLY cannot run inside Flyway's transaction.)
drop index outbox_message_due_idx;
create index outbox_message_due_idx on outbox_message (channel, next_attempt_at, id) where status = 'pending';

-- A head may move forward by any number of entries in one update (a batch appends several
-- entries to one stream in one statement), never back, and never to another stream. Moving
-- back is what would hide a deleted tail; moving past the last entry is what the verifier
-- reports, as before.
create or replace function audit_stream_refuse_change() returns trigger
language plpgsql as $$
begin
	if tg_op = 'UPDATE' then
		if new.stream = old.stream and new.last_seq > old.last_seq then
			return new;
		end if;
		raise exception 'audit_stream head of % may only advance (from % to %)',
			old.stream, old.last_seq, new.last_seq;
	end if;
	raise exception 'audit_stream is append-only: % is not allowed', tg_op;
end;
$$;

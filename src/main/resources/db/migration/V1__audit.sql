-- The audit log: one hash chain per stream (docs/adr/0003-audit-chain-per-stream.md).

create table audit_entry (
	id          bigserial   primary key,
	stream      text        not null,
	seq         bigint      not null check (seq >= 1),
	occurred_at timestamptz not null,
	actor       text        not null,
	action      text        not null,
	-- the canonical JSON exactly as hashed; jsonb would reorder keys and normalise
	-- numbers, so the stored text could no longer be re-hashed
	details     text        not null,
	prev_hash   text        not null check (prev_hash ~ '^[0-9a-f]{64}$'),
	hash        text        not null check (hash ~ '^[0-9a-f]{64}$'),
	unique (stream, seq)
);

-- The head of each chain: appenders lock only this row, so writers to different streams
-- never wait for one another. The verifier compares it with the stream's last entry,
-- which is how a deleted tail is detected.
create table audit_stream (
	stream    text   primary key,
	last_seq  bigint not null check (last_seq >= 0),
	last_hash text   not null check (last_hash ~ '^[0-9a-f]{64}$')
);

create function audit_entry_refuse_change() returns trigger
language plpgsql as $$
begin
	raise exception 'audit_entry is append-only: % is not allowed', tg_op
		using hint = 'audit entries can be appended, never changed or removed';
end;
$$;

-- Statement-level, so that even a statement touching no rows is refused.
create trigger audit_entry_append_only
	before update or delete or truncate on audit_entry
	for each statement execute function audit_entry_refuse_change();

create function audit_stream_refuse_change() returns trigger
language plpgsql as $$
begin
	if tg_op = 'UPDATE' then
		if new.stream = old.stream and new.last_seq = old.last_seq + 1 then
			return new;
		end if;
		raise exception 'audit_stream head of % may only advance by one entry (from % to %)',
			old.stream, old.last_seq, new.last_seq;
	end if;
	raise exception 'audit_stream is append-only: % is not allowed', tg_op;
end;
$$;

create trigger audit_stream_advance_only
	before update or delete on audit_stream
	for each row execute function audit_stream_refuse_change();

create trigger audit_stream_no_truncate
	before truncate on audit_stream
	for each statement execute function audit_stream_refuse_change();

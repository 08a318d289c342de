-- Known-content hash lists (industry and NCMEC lists as shared: MD5, SHA-256 and PDQ),
-- imported with `abusedesk hashes import FILE --list NAME --source S`. Lists only grow by
-- import; an entry is never changed in place.
create table known_hash_list (
    id         bigserial primary key,
    name       text not null unique,
    source     text not null,
    created_at timestamptz not null default now()
);

create table known_hash (
    id        bigserial primary key,
    list_id   bigint not null references known_hash_list (id),
    algorithm text not null check (algorithm in ('md5', 'sha256', 'pdq')),
    value     text not null,
    unique (list_id, algorithm, value)
);
create index known_hash_value_idx on known_hash (algorithm, value);

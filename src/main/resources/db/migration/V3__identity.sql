-- Staff users and their API tokens. Tokens are 256-bit random secrets; only their
-- SHA-256 is stored (a slow hash adds nothing for secrets of that entropy).
create table staff_user (
    id         bigserial primary key,
    name       text not null unique,
    role       text not null check (role in ('agent', 'reviewer', 'senior', 'legal', 'admin')),
    created_at timestamptz not null default now()
);

create table api_token (
    id            bigserial primary key,
    token_hash    text not null unique,
    staff_user_id bigint not null references staff_user (id),
    label         text not null,
    created_at    timestamptz not null default now(),
    revoked_at    timestamptz
);

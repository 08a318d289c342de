-- API tokens for organisations that report in bulk. The operator sets who they are and
-- their reporter kind (trusted_flagger is a status only the operator grants); the request
-- body can never claim it. Only the SHA-256 of the token is stored.
create table reporter_token (
    id            bigserial primary key,
    token_hash    text not null unique,
    label         text not null,
    reporter_kind text not null check (reporter_kind in ('individual', 'organisation', 'rights_holder',
                      'trusted_flagger', 'law_enforcement', 'government', 'automated_feed')),
    name          text not null,
    email         text not null,
    organisation  text,
    created_at    timestamptz not null default now(),
    revoked_at    timestamptz
);

alter table report add column reporter_token_id bigint references reporter_token (id);

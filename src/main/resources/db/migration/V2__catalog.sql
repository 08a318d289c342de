-- The catalog: the provider's customers (accounts) and what they put on the provider
-- (properties), with the services each property uses. See docs/catalog-format.md.

create table account (
	id bigserial primary key,
	-- the operator's stable key for the account; imports upsert by it
	ref text not null unique,
	name text not null,
	abuse_contact text not null,
	escalation_contact text,
	at_risk boolean not null default false,
	status text not null default 'active' check (status in ('active', 'suspended', 'terminated')),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create table property (
	id bigserial primary key,
	account_id bigint not null references account (id),
	kind text not null check (kind in ('zone', 'hostname', 'ip_prefix')),
	-- normalised: lower-case ASCII (punycode) host without trailing dot, or canonical CIDR
	value text not null,
	services text[] not null
		check (cardinality(services) > 0 and services <@ array['proxy', 'hosting', 'registrar', 'dns', 'resolver']),
	-- only proxied properties have an origin
	origin_address text,
	origin_host_name text,
	origin_host_abuse_contact text,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	unique (kind, value),
	check (origin_address is not null or (origin_host_name is null and origin_host_abuse_contact is null))
);

create index property_account_id on property (account_id);

-- One row, bumped in the same transaction as every catalog change, so that every node can
-- notice a change by polling one cheap query and rebuild its in-memory resolver index.
create table catalog_revision (
	id boolean primary key default true check (id),
	revision bigint not null,
	changed_at timestamptz not null default now()
);

insert into catalog_revision (id, revision) values (true, 0);

-- Issue 19: a reviewer confirms phishing or malware on a case; the confirmation is the
-- recorded basis the guardrails ask for (phishing_interstitial, malware_block), and the
-- case's reports (and later ones routed to it) are decided with the confirmed fact.
create table case_confirmation (
    id           bigserial primary key,
    case_id      bigint not null references abuse_case (id),
    fact         text not null check (fact in ('phishing_confirmed', 'malware_confirmed')),
    checked      text not null check (length(checked) between 1 and 2000),
    confirmed_by text not null,
    confirmed_at timestamptz not null default now()
);

create index case_confirmation_case on case_confirmation (case_id);

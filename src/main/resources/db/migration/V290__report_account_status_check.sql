-- The account status a report recorded when it was resolved is one of the account
-- statuses (AccountStatus), as the account table's own check says (V2); every stored
-- value was copied from there.
alter table report add constraint report_account_status_check
    check (account_status in ('active', 'suspended', 'terminated'));

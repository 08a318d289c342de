-- The messages that tell a customer about its mitigations (proposed, in effect, lifted)
-- are listed in the customer's view by case; only those rows are indexed, so the
-- router's outbox writes pay nothing for it.
create index outbox_message_notice_case_idx on outbox_message (case_id, id) where kind = 'mitigation_notice';
create index abuse_case_account_idx on abuse_case (account_ref);

-- The format the abuse mailbox recognised in a message is one of MailFormat's (null until
-- the message is read), and a notice waiting for a digest keeps its recipient's format
-- (DeliveryPreference.Format), as delivery_preference checks it (V172). Every stored value
-- was written from those enums' wire values.
alter table mail_message add constraint mail_message_format_check
    check (format in ('arf', 'xarf-yaml', 'xarf-json-v1', 'xarf-json-v2', 'xarf-json-v3', 'xarf-v4', 'notifier',
                      'text'));
alter table digest_item add constraint digest_item_format_check
    check (format in ('prose', 'prose_xarf', 'arf'));

-- Real mail (issue 27): a message that came in by mail names the address it came to, so that the
-- person's reply leaves from that address and each address has its own figures. NULL for messages
-- that came through the API. Deleting an address row never happens (closed ones stay), so no cascade.
ALTER TABLE mailbox_message ADD COLUMN alias_id UUID REFERENCES mail_alias (id);
CREATE INDEX IF NOT EXISTS mailbox_message_alias_ix ON mailbox_message (alias_id);

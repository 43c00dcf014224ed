-- Real mail (issue 27): each relationship, on the hub or off it, may have addresses of its own at the
-- hub's mail domain. Only the random local part is kept (the domain is configuration); nothing in it
-- names the person. A closed address stays, so that it is never handed out again and mail to it is
-- refused for good.
CREATE TABLE mail_alias (
    id              UUID                     NOT NULL PRIMARY KEY,
    person_id       UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    relationship_id UUID                     NOT NULL REFERENCES relationship (id) ON DELETE CASCADE,
    local_part      VARCHAR(64)              NOT NULL UNIQUE,
    state           VARCHAR(6)               NOT NULL CHECK (state IN ('OPEN', 'PAUSED', 'CLOSED')),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS mail_alias_relationship_ix ON mail_alias (relationship_id);

-- Mail to an off-hub vendor's address lands on that relationship's channel: a message without a hub
-- vendor.
ALTER TABLE mailbox_message ALTER COLUMN vendor_id DROP NOT NULL;

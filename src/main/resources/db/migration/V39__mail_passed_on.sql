-- "Who passed my address on?" (issue 27). A hub vendor declares the domains its mail comes from
-- besides its website's (its own mail domains, the providers it sends through), comma-joined.
ALTER TABLE vendor ADD COLUMN mail_domains TEXT;

-- The domain mail for a relationship is expected from when the hub knows none from a vendor profile
-- (a vendor off the hub, or one without a website or mail domains): the website the person recorded,
-- the first sender's domain ("first use"), or what the person set. Kept in clear, and shown to the
-- person, because mail is compared while the person is away; it is what every message's envelope
-- shows the hub anyway.
CREATE TABLE mail_vendor_domain (
    relationship_id UUID                     NOT NULL PRIMARY KEY REFERENCES relationship (id) ON DELETE CASCADE,
    domain          VARCHAR(253)             NOT NULL,
    source          VARCHAR(9)               NOT NULL CHECK (source IN ('WEBSITE', 'FIRST_USE', 'PERSON')),
    set_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Mail to an address from another organization's domain: the address was passed on. Only the
-- sender's domain (it names the sender, not the person) and counts; nothing of the message.
CREATE TABLE mail_alias_leak (
    alias_id   UUID                     NOT NULL REFERENCES mail_alias (id) ON DELETE CASCADE,
    domain     VARCHAR(253)             NOT NULL,
    first_seen TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen  TIMESTAMP WITH TIME ZONE NOT NULL,
    messages   BIGINT                   NOT NULL,
    PRIMARY KEY (alias_id, domain)
);

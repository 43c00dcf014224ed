-- Real mail (issue 27): refused mail is counted, not listed one row per attempt. A sender hammering a
-- closed address (or one over the person's rate) adds to one row per address, reason and hour, so the
-- kept-out log stays bounded whatever the flood, and the person still sees how many tries there were.
-- address_id names the hub address (mail_alias.id) the mail came to, for its figures; no foreign key:
-- the relationship module knows no addresses, and address rows are never deleted.
ALTER TABLE refused_contact ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1;
ALTER TABLE refused_contact ADD COLUMN address_id UUID;
CREATE INDEX IF NOT EXISTS refused_contact_address_ix ON refused_contact (address_id);

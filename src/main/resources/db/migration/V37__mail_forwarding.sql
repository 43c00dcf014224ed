-- Real mail (issue 27): a copy of an address's mail may be forwarded to the person's own mailbox, an
-- explicit choice per address; the last failure to forward is shown to the person.
ALTER TABLE mail_alias ADD COLUMN forward BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE mail_alias ADD COLUMN forward_failed_at TIMESTAMP WITH TIME ZONE;

-- Copies go only to the person's own address, once the person proved it theirs with a code mailed
-- to it. Only hashes are kept: of the address proved (a changed account address is not proved) and
-- of the code.
CREATE TABLE mail_forward_check (
    person_id       UUID                     NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    address_hash    VARCHAR(64)              NOT NULL,
    code_hash       VARCHAR(64),
    code_expires_at TIMESTAMP WITH TIME ZONE,
    attempts        INTEGER                  NOT NULL DEFAULT 0,
    verified_at     TIMESTAMP WITH TIME ZONE
);

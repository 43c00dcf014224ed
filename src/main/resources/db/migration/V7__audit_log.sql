-- The per-person audit log, hash-chained: each entry's hash covers the previous entry's hash, so
-- a changed, removed or inserted entry breaks the chain from that point. Subjects are ids only.
CREATE TABLE audit_event (
    account_id    UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    seq           BIGINT                   NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    action        VARCHAR(20)              NOT NULL,
    subject       VARCHAR(100)             NOT NULL,
    previous_hash VARCHAR(64)              NOT NULL,
    hash          VARCHAR(64)              NOT NULL,
    PRIMARY KEY (account_id, seq)
);

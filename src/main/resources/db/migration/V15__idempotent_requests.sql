-- Idempotency-Key (DESIGN §7): the answer to a creating POST, kept 24 hours so that a retry with
-- the same key gets the same answer instead of a second object. The row is found by a hash of
-- caller and key, and the answer is encrypted under a key derived from the Idempotency-Key
-- itself: answers often carry what must not be stored readable (a token shown once, vault data).
CREATE TABLE idempotent_request (
    id              VARCHAR(64)              NOT NULL PRIMARY KEY,
    request_hash    VARCHAR(64)              NOT NULL,
    state           VARCHAR(10)              NOT NULL CHECK (state IN ('RUNNING', 'DONE')),
    sealed_response BYTEA,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS idempotent_request_created_ix ON idempotent_request (created_at);

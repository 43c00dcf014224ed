-- The hub's signing keys (ES256). The private key is sealed under the hub's master key, which is
-- never in the database (OPENVRM_MASTER_KEY, or a file under ./data for the embedded default).
-- Retired keys stay so that old signatures can still be verified.
CREATE TABLE hub_key (
    kid            VARCHAR(64)              NOT NULL PRIMARY KEY,
    public_jwk     TEXT                     NOT NULL,
    sealed_private BYTEA                    NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at     TIMESTAMP WITH TIME ZONE
);

-- Agreements proffered in a relationship, and what the vendor did with them. An accepted one
-- carries its record: a JWS the hub signed, which both sides keep and anyone can verify.
CREATE TABLE agreement_record (
    id              UUID                     NOT NULL PRIMARY KEY,
    relationship_id UUID                     NOT NULL REFERENCES relationship (id) ON DELETE CASCADE,
    vendor_id       UUID                     NOT NULL REFERENCES vendor (id) ON DELETE CASCADE,
    agreement_id    VARCHAR(40)              NOT NULL,
    version         VARCHAR(20)              NOT NULL,
    digest          VARCHAR(80)              NOT NULL,
    state           VARCHAR(12)              NOT NULL CHECK (state IN ('PROFFERED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'ENDED')),
    proffered_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at      TIMESTAMP WITH TIME ZONE,
    decided_by      VARCHAR(200),
    signed_record   TEXT
);
CREATE INDEX IF NOT EXISTS agreement_record_relationship_ix ON agreement_record (relationship_id);
CREATE INDEX IF NOT EXISTS agreement_record_vendor_ix ON agreement_record (vendor_id, state);

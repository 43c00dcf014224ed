-- One-time registration tokens: an admin (or the vendor sign-up API) gets one, and a script
-- exchanges it once for an API client's credentials. Only a digest of the token is kept.
CREATE TABLE vendor_registration_token (
    id          UUID                     NOT NULL PRIMARY KEY,
    vendor_id   UUID                     NOT NULL REFERENCES vendor (id) ON DELETE CASCADE,
    token_hash  VARCHAR(100)             NOT NULL UNIQUE,
    scopes      VARCHAR(500)             NOT NULL,
    created_by  UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    client_id   VARCHAR(60)
);
CREATE INDEX IF NOT EXISTS vendor_registration_token_vendor_ix ON vendor_registration_token (vendor_id);

-- Vendors' API clients (OAuth 2.0 client credentials). The secret is shown once and stored only
-- as a password hash; a revoked client can get no token, and tokens it already has stop working.
CREATE TABLE vendor_api_client (
    client_id   VARCHAR(60)              NOT NULL PRIMARY KEY,
    vendor_id   UUID                     NOT NULL REFERENCES vendor (id) ON DELETE CASCADE,
    name        VARCHAR(100)             NOT NULL,
    secret_hash VARCHAR(300)             NOT NULL,
    scopes      VARCHAR(500)             NOT NULL,
    created_by  UUID                     REFERENCES account (id) ON DELETE SET NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    rotated_at  TIMESTAMP WITH TIME ZONE,
    revoked_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX IF NOT EXISTS vendor_api_client_vendor_ix ON vendor_api_client (vendor_id);

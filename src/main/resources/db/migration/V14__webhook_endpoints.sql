-- Vendors' webhook endpoints (Standard Webhooks). The signing secret must be usable by the hub,
-- so it is sealed under the master key rather than hashed.
CREATE TABLE webhook_endpoint (
    id            UUID                     NOT NULL PRIMARY KEY,
    vendor_id     UUID                     NOT NULL REFERENCES vendor (id) ON DELETE CASCADE,
    url           VARCHAR(500)             NOT NULL,
    events        VARCHAR(1000)            NOT NULL,
    sealed_secret BYTEA                    NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    disabled_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX IF NOT EXISTS webhook_endpoint_vendor_ix ON webhook_endpoint (vendor_id);

-- Records of personal data. Each edit adds a version; every version is sealed under the person's
-- data key, bound to (record id, version). Kind, field names and values are all inside "sealed".
CREATE TABLE vault_record (
    id         UUID                     NOT NULL,
    version    INT                      NOT NULL,
    account_id UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    sealed     BYTEA                    NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    latest     BOOLEAN                  NOT NULL,
    PRIMARY KEY (id, version)
);
CREATE INDEX IF NOT EXISTS vault_record_account_ix ON vault_record (account_id, latest);

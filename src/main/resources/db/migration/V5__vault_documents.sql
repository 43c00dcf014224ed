-- Files in the vault. Each document has its own content key, stored wrapped by the person's data
-- key; the metadata (title, category, tags, dates, file name, type) is sealed under the data key.
-- Only the owner, the creation time and the ciphertexts are in clear.
CREATE TABLE vault_document (
    id          UUID                     NOT NULL PRIMARY KEY,
    account_id  UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    metadata    BYTEA                    NOT NULL,
    content_key BYTEA                    NOT NULL,
    content     BYTEA                    NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS vault_document_account_ix ON vault_document (account_id, created_at);

-- Statement lines stored by the page: up to 1,000 lines of one import sealed together as one row,
-- so that a statement of 200,000 lines is 200 rows, not 200,000 (each with its index entries and
-- foreign-key checks). Lines imported before stay in vault_transaction and are read from there.
CREATE TABLE vault_transaction_page (
    id         UUID                     NOT NULL PRIMARY KEY,
    account_id UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    import_id  UUID                     REFERENCES vault_import (id) ON DELETE CASCADE,
    line_count INTEGER                  NOT NULL,
    sealed     BYTEA                    NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK (line_count > 0)
);
CREATE INDEX IF NOT EXISTS vault_transaction_page_account_ix ON vault_transaction_page (account_id, created_at);
CREATE INDEX IF NOT EXISTS vault_transaction_page_import_ix ON vault_transaction_page (import_id);

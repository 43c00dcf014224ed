-- The mapping a person last used for a statement layout (its columns), sealed under their data
-- key, so that the next statement from the same bank is mapped already. header_key is a SHA-256 of
-- the person's id and the column names: it tells neither the bank nor the columns.
CREATE TABLE vault_statement_layout (
    account_id     UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    header_key     VARCHAR(64)              NOT NULL,
    sealed_mapping BYTEA                    NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, header_key)
);

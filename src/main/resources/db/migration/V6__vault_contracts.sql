-- Contracts: counterparty, dates, notice period, renewal, cost and attached documents, all sealed
-- under the person's data key. Only the owner and the times of change are in clear.
CREATE TABLE vault_contract (
    id         UUID                     NOT NULL PRIMARY KEY,
    account_id UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    sealed     BYTEA                    NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS vault_contract_account_ix ON vault_contract (account_id);

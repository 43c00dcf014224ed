-- The contracts calendar feed. Its secret URL carries a token the hub keeps only as a SHA-256
-- hash (to find the feed) and sealed under the person's data key (so the person can see the URL
-- again while signed in). The events are encrypted under a key derived from the token: the feed
-- can be served while the person is away, and the hub cannot read it without the URL.
CREATE TABLE vault_calendar_feed (
    id           UUID                     NOT NULL PRIMARY KEY,
    account_id   UUID                     NOT NULL UNIQUE REFERENCES account (id) ON DELETE CASCADE,
    token_hash   VARCHAR(64)              NOT NULL UNIQUE,
    token_sealed BYTEA                    NOT NULL,
    events       BYTEA                    NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Imports: a file waiting for its column mapping (sealed under the data key), then its state.
-- The kind, state and row counts are in clear so that progress can be shown; nothing of the
-- content is.
CREATE TABLE vault_import (
    id          UUID                     NOT NULL PRIMARY KEY,
    account_id  UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    kind        VARCHAR(20)              NOT NULL,
    state       VARCHAR(20)              NOT NULL,
    sealed_file BYTEA,
    total_rows  INTEGER                  NOT NULL DEFAULT 0,
    imported    INTEGER                  NOT NULL DEFAULT 0,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    CHECK (kind IN ('TRANSACTIONS', 'CONTACTS')),
    CHECK (state IN ('MAPPING', 'RUNNING', 'DONE', 'FAILED'))
);
CREATE INDEX IF NOT EXISTS vault_import_account_ix ON vault_import (account_id, created_at);

-- Transactions (bank or card statement lines), each sealed under the data key.
CREATE TABLE vault_transaction (
    id         UUID                     NOT NULL PRIMARY KEY,
    account_id UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    import_id  UUID                     REFERENCES vault_import (id) ON DELETE CASCADE,
    sealed     BYTEA                    NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS vault_transaction_account_ix ON vault_transaction (account_id, created_at);

-- Counterparties (people and organisations the person deals with), e.g. from vCards; sealed.
CREATE TABLE vault_counterparty (
    id         UUID                     NOT NULL PRIMARY KEY,
    account_id UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    import_id  UUID                     REFERENCES vault_import (id) ON DELETE CASCADE,
    sealed     BYTEA                    NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS vault_counterparty_account_ix ON vault_counterparty (account_id);

-- Invoices parsed from e-invoices (UBL, CII, Factur-X/ZUGFeRD); sealed. The original file is a
-- document of the vault, named inside the sealed invoice.
CREATE TABLE vault_invoice (
    id         UUID                     NOT NULL PRIMARY KEY,
    account_id UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    sealed     BYTEA                    NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS vault_invoice_account_ix ON vault_invoice (account_id, created_at);

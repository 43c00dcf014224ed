-- The person's keyring (docs/vault-crypto.md). Everything but the public sealing key is
-- ciphertext; the password and recovery code that open it are never stored.
CREATE TABLE vault_keyring (
    account_id              UUID                     NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    public_keyset           TEXT                     NOT NULL,
    data_keyset             TEXT                     NOT NULL,
    sealing_keyset          TEXT                     NOT NULL,
    password_salt           BYTEA                    NOT NULL,
    argon2_memory_kib       INT                      NOT NULL,
    argon2_iterations       INT                      NOT NULL,
    argon2_parallelism      INT                      NOT NULL,
    keyring_key_by_password TEXT                     NOT NULL,
    recovery_salt           BYTEA                    NOT NULL,
    keyring_key_by_recovery TEXT                     NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What arrives while the person is away, sealed (HPKE) to their public key.
CREATE TABLE vault_sealed_item (
    id          UUID                     NOT NULL PRIMARY KEY,
    account_id  UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    sealed      BYTEA                    NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS vault_sealed_item_account_ix ON vault_sealed_item (account_id, received_at);

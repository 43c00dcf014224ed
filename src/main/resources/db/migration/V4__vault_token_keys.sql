-- A personal access token made while the vault was open carries the keyring key, encrypted under
-- a key derived from the token itself (which the hub does not keep). Revoking the token deletes it.
CREATE TABLE vault_token_key (
    token_id    UUID NOT NULL PRIMARY KEY REFERENCES personal_access_token (id) ON DELETE CASCADE,
    account_id  UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    keyring_key TEXT NOT NULL
);

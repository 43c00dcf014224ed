-- The agreements (roster ids, comma-separated) a person proffers by default. Terms are meant to
-- be shown to vendors, so they are not sealed in the vault.
CREATE TABLE person_terms (
    account_id UUID                     NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    agreements VARCHAR(500)             NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

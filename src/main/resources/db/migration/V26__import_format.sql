-- The format of an uploaded statement: null for CSV (the file itself is kept until the import), or
-- CAMT_053, MT940, OFX, whose rows are kept already read (the hub reads such a file once).
ALTER TABLE vault_import ADD COLUMN format VARCHAR(10);
ALTER TABLE vault_import ADD CONSTRAINT vault_import_format_ck CHECK (format IN ('CAMT_053', 'MT940', 'OFX'));

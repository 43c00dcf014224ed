-- The uploaded file's name, sealed under the person's data key like the file itself, so that the
-- imports page can tell uploads apart ("bank.csv, 3 December") and the person can discard those
-- they left waiting.
ALTER TABLE vault_import ADD COLUMN sealed_name BYTEA;

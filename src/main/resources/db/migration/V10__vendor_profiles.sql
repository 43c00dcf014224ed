-- The vendor's public profile. Names are unique regardless of case (name_key = lower-cased name),
-- so that people can tell vendors apart in the directory.
ALTER TABLE vendor ADD COLUMN name_key VARCHAR(200);
UPDATE vendor SET name_key = LOWER(name);
ALTER TABLE vendor ALTER COLUMN name_key SET NOT NULL;
ALTER TABLE vendor ADD CONSTRAINT vendor_name_uk UNIQUE (name_key);
ALTER TABLE vendor ADD COLUMN description    VARCHAR(4000);
ALTER TABLE vendor ADD COLUMN website        VARCHAR(500);
ALTER TABLE vendor ADD COLUMN contact        VARCHAR(320);
-- Category ids, region codes and agreement ids, comma-separated (checked against the taxonomy and the roster).
ALTER TABLE vendor ADD COLUMN categories     VARCHAR(4000) DEFAULT '' NOT NULL;
ALTER TABLE vendor ADD COLUMN regions        VARCHAR(2000) DEFAULT '' NOT NULL;
ALTER TABLE vendor ADD COLUMN accepted_terms VARCHAR(500)  DEFAULT '' NOT NULL;
ALTER TABLE vendor ADD COLUMN verification   VARCHAR(12)   DEFAULT 'UNVERIFIED' NOT NULL;
ALTER TABLE vendor ADD CONSTRAINT vendor_verification_ck CHECK (verification IN ('UNVERIFIED', 'VERIFIED'));
ALTER TABLE vendor ADD COLUMN verified_at    TIMESTAMP WITH TIME ZONE;
ALTER TABLE vendor ADD COLUMN logo           BYTEA;
ALTER TABLE vendor ADD COLUMN logo_type      VARCHAR(20);

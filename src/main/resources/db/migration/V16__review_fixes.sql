-- At most one open (proffered or accepted) record per agreement and relationship, so that two
-- concurrent changes cannot proffer the same agreement twice: "relationship:agreement" while
-- open, NULL once declined, withdrawn or ended.
ALTER TABLE agreement_record ADD COLUMN open_key VARCHAR(100);
UPDATE agreement_record SET open_key = CAST(relationship_id AS VARCHAR(36)) || ':' || agreement_id
    WHERE state IN ('PROFFERED', 'ACCEPTED');
ALTER TABLE agreement_record ADD CONSTRAINT agreement_record_open_uk UNIQUE (open_key);

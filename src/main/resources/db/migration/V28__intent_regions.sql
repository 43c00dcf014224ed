-- An intent names one or more regions ("the south of France": FR-PAC and FR-OCC), comma-joined
-- like its terms and disclosure plan; the single region column it replaces is copied over.
ALTER TABLE intent ADD COLUMN regions VARCHAR(200);
UPDATE intent SET regions = region WHERE region IS NOT NULL;
ALTER TABLE intent DROP COLUMN region;

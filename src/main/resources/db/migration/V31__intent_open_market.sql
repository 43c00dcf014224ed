-- The person's choice of reach: this hub's vendors only, or the open market too (the intent
-- then also goes out as a Beckn search to the hub's peers).
ALTER TABLE intent ADD COLUMN open_market BOOLEAN DEFAULT FALSE NOT NULL;

-- Amounts in their currency's own minor unit: three decimals for the dinars (KWD, BHD, JOD, OMR,
-- TND, IQD, LYD), none for the yen; the same twelve digits before the point as before.
ALTER TABLE intent ALTER COLUMN budget SET DATA TYPE NUMERIC(15, 3);
ALTER TABLE offer ALTER COLUMN price SET DATA TYPE NUMERIC(15, 3);
ALTER TABLE interest ALTER COLUMN budget_min SET DATA TYPE NUMERIC(15, 3);
ALTER TABLE interest ALTER COLUMN budget_max SET DATA TYPE NUMERIC(15, 3);

-- Location ids sort by code point ("C" collation) as on H2, so cursor pages are the same on both
-- stores; the locale's collation would ignore the hyphens in ids like CQ-CP-001-L1.
ALTER TABLE location ALTER COLUMN id TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE location ALTER COLUMN parent_id TYPE VARCHAR(64) COLLATE "C";
-- Child lookups (a checkpoint's lanes, a warehouse's dock doors) for "passages at this location".
CREATE INDEX location_parent_idx ON location (parent_id);

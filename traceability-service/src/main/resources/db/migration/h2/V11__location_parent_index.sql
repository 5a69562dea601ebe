-- Child lookups (a checkpoint's lanes, a warehouse's dock doors) for "passages at this location".
CREATE INDEX location_parent_idx ON location (parent_id);

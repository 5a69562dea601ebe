-- Everything a passage carries is kept: the lane where the tag was strongest, the read points that
-- saw it in the order they first did, and the object the tag was bound to at first-seen time
-- (resolved once at ingest, so "where was vehicle X" does not join the binding history).
-- On the partitioned table these reach every partition, the default one included.
ALTER TABLE passage ADD COLUMN lane INT NOT NULL DEFAULT 0;
ALTER TABLE passage ADD COLUMN read_points TEXT[];
ALTER TABLE passage ADD COLUMN object_kind VARCHAR(16);
ALTER TABLE passage ADD COLUMN object_id VARCHAR(64);
CREATE INDEX passage_object_time_idx ON passage (object_kind, object_id, first_seen);

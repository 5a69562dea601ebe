-- Everything a passage carries is kept: the lane where the tag was strongest, the read points that
-- saw it in the order they first did, and the object the tag was bound to at first-seen time
-- (resolved once at ingest, so "where was vehicle X" does not join the binding history).
ALTER TABLE passage ADD COLUMN lane INT DEFAULT 0 NOT NULL;
ALTER TABLE passage ADD COLUMN read_points VARCHAR(128) ARRAY[8];
ALTER TABLE passage ADD COLUMN object_kind VARCHAR(16);
ALTER TABLE passage ADD COLUMN object_id VARCHAR(64);
CREATE INDEX passage_object_time_idx ON passage (object_kind, object_id, first_seen);

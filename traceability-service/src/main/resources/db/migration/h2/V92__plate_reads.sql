-- Camera (ANPR) plate reads, beside the passages they are matched with (issue 13). The id is a hash of
-- camera, plate and read time (PlateReadIds), so a re-sent read is stored once. Plates are kept in
-- normal form (渝A12345: half-width, upper case, no separator).
CREATE TABLE plate_read (
    id           BIGINT       PRIMARY KEY,
    camera_id    VARCHAR(64)  NOT NULL,
    location_id  VARCHAR(64)  NOT NULL,
    plate        VARCHAR(16)  NOT NULL,
    plate_colour VARCHAR(16),
    confidence   DOUBLE PRECISION,
    read_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    direction    VARCHAR(8),
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX plate_read_plate_time_idx ON plate_read (plate, read_at);
CREATE INDEX plate_read_location_time_idx ON plate_read (location_id, read_at);
CREATE INDEX plate_read_time_idx ON plate_read (read_at);

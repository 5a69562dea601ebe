-- The extension is created by scripts/setup-postgis.sh (it needs a superuser); this only checks.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE location (
    id        VARCHAR(64) PRIMARY KEY,
    name      VARCHAR(200) NOT NULL,
    kind      VARCHAR(32)  NOT NULL,
    parent_id VARCHAR(64),
    geom      geometry(Point, 4326) NOT NULL
);
CREATE INDEX location_geom_idx ON location USING gist (geom);

-- Passages are time-partitioned (a partition per day, created ahead by PassagePartitions) and
-- carry no geometry: spatial questions resolve to locations first (DESIGN.md §4). The id is a hash
-- of tag, location and first-seen time, so (id, first_seen) is as unique as id.
CREATE TABLE passage (
    id          CHAR(32)     NOT NULL,
    epc_hex     VARCHAR(128) NOT NULL,
    epc_bits    INT          NOT NULL,
    tag_uri     VARCHAR(256),
    location_id VARCHAR(64)  NOT NULL,
    reader_id   VARCHAR(64),
    antenna     INT          NOT NULL,
    first_seen  TIMESTAMPTZ  NOT NULL,
    last_seen   TIMESTAMPTZ  NOT NULL,
    reads       INT          NOT NULL,
    peak_rssi   DOUBLE PRECISION,
    direction   VARCHAR(8)   NOT NULL,
    PRIMARY KEY (id, first_seen)
) PARTITION BY RANGE (first_seen);

CREATE TABLE passage_default PARTITION OF passage DEFAULT;

CREATE INDEX passage_epc_time_idx ON passage (epc_hex, first_seen);
CREATE INDEX passage_location_time_idx ON passage (location_id, first_seen);
CREATE INDEX passage_time_idx ON passage (first_seen);
CREATE INDEX passage_time_brin ON passage USING brin (first_seen);

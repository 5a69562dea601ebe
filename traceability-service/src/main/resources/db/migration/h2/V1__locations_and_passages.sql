-- H2GIS: load the spatial functions into this database once (H2GIS quick start).
CREATE ALIAS IF NOT EXISTS H2GIS_SPATIAL FOR "org.h2gis.functions.factory.H2GISFunctions.load";
CALL H2GIS_SPATIAL();

CREATE TABLE location (
    id        VARCHAR(64) PRIMARY KEY,
    name      VARCHAR(200) NOT NULL,
    kind      VARCHAR(32)  NOT NULL,
    parent_id VARCHAR(64),
    geom      GEOMETRY(POINT, 4326) NOT NULL
);
CREATE SPATIAL INDEX location_geom_idx ON location (geom);

-- Passages reference their location by id; only locations carry geometry (DESIGN.md §4).
CREATE TABLE passage (
    id          CHAR(32)     PRIMARY KEY,
    epc_hex     VARCHAR(128) NOT NULL,
    epc_bits    INT          NOT NULL,
    tag_uri     VARCHAR(256),
    location_id VARCHAR(64)  NOT NULL,
    reader_id   VARCHAR(64),
    antenna     INT          NOT NULL,
    first_seen  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen   TIMESTAMP WITH TIME ZONE NOT NULL,
    reads       INT          NOT NULL,
    peak_rssi   DOUBLE PRECISION,
    direction   VARCHAR(8)   NOT NULL
);
CREATE INDEX passage_epc_time_idx ON passage (epc_hex, first_seen);
CREATE INDEX passage_location_time_idx ON passage (location_id, first_seen);
CREATE INDEX passage_time_idx ON passage (first_seen);

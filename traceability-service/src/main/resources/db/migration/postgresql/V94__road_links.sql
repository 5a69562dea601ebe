-- Road links: an undirected road between two locations (checkpoints) with its driving distance, for
-- clone (impossible travel) and section-speed rules. Stored with the smaller location id first, so the
-- primary key is the pair whichever way a file names it. No foreign key: a location may be removed
-- while a link still names it (the network then simply has a node nobody passes).
CREATE TABLE road_link (
    from_location VARCHAR(64)      NOT NULL,
    to_location   VARCHAR(64)      NOT NULL,
    distance_m    DOUBLE PRECISION NOT NULL,
    CONSTRAINT road_link_pk PRIMARY KEY (from_location, to_location),
    CONSTRAINT road_link_distance_ck CHECK (distance_m > 0),
    CONSTRAINT road_link_ends_ck CHECK (from_location <> to_location)
);

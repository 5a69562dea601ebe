-- Per-location EPCIS context beyond bizStep/disposition: the location's SGLN (its GS1 identity in EPCIS)
-- and explicit readPoint / bizLocation URIs, each overriding the SGLN, which overrides the location URI.
ALTER TABLE epcis_location_config ADD COLUMN sgln VARCHAR(512);
ALTER TABLE epcis_location_config ADD COLUMN read_point VARCHAR(512);
ALTER TABLE epcis_location_config ADD COLUMN biz_location VARCHAR(512);
-- Aggregation events are read by time (ADD at valid_from, DELETE at valid_to).
CREATE INDEX aggregation_valid_from_idx ON aggregation (valid_from, parent_id);
CREATE INDEX aggregation_valid_to_idx ON aggregation (valid_to, parent_id);

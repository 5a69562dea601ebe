-- Expected shipments (advance shipping notices): which units should pass which dock door in which window.
CREATE TABLE logistics_shipment (
    id            VARCHAR(64)  PRIMARY KEY,
    dock_door     VARCHAR(64)  NOT NULL,
    expected_from TIMESTAMPTZ NOT NULL,
    expected_to   TIMESTAMPTZ NOT NULL,
    document      TEXT         NOT NULL,
    CONSTRAINT logistics_shipment_window_ck CHECK (expected_to > expected_from)
);
CREATE INDEX logistics_shipment_door_idx ON logistics_shipment (dock_door, expected_from);

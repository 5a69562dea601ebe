-- Expected shipments (advance shipping notices): which units should pass which dock door in which window.
CREATE TABLE logistics_shipment (
    id            VARCHAR(64)  PRIMARY KEY,
    dock_door     VARCHAR(64)  NOT NULL,
    expected_from TIMESTAMP WITH TIME ZONE NOT NULL,
    expected_to   TIMESTAMP WITH TIME ZONE NOT NULL,
    document      CLOB         NOT NULL,
    CONSTRAINT logistics_shipment_window_ck CHECK (expected_to > expected_from)
);
CREATE INDEX logistics_shipment_door_idx ON logistics_shipment (dock_door, expected_from);

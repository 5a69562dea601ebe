-- Gate transactions: what passed one port gate, dock door or library gate together, reconciled against
-- what was expected there. The scalar columns are what queries filter on; the document keeps the rest.
CREATE TABLE gate_transaction (
    id               VARCHAR(40)  PRIMARY KEY,
    location_id      VARCHAR(64)  NOT NULL,
    location_kind    VARCHAR(32)  NOT NULL,
    started_at       TIMESTAMPTZ NOT NULL,
    ended_at         TIMESTAMPTZ NOT NULL,
    verdict          VARCHAR(32)  NOT NULL,
    expectation_kind VARCHAR(32),
    expectation_id   VARCHAR(64),
    recorded_at      TIMESTAMPTZ NOT NULL,
    document         TEXT         NOT NULL
);
CREATE INDEX gate_transaction_kind_end_idx ON gate_transaction (location_kind, ended_at);
CREATE INDEX gate_transaction_location_end_idx ON gate_transaction (location_id, ended_at);
CREATE INDEX gate_transaction_expectation_idx ON gate_transaction (expectation_kind, expectation_id);

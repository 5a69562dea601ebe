-- EPCIS 2.0 capture: captured events (one row each, the event's JSON kept as captured plus eventID and
-- recordTime), their EPCs normalised to canonical GS1 Digital Links for MATCH_ queries, capture jobs,
-- and per-location business context for the ObjectEvents derived from passages.
CREATE TABLE epcis_capture_job (
    id           VARCHAR(36)  PRIMARY KEY,
    state        VARCHAR(16)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    event_count  INT          NOT NULL,
    errors       TEXT
);

CREATE TABLE epcis_event (
    event_id     VARCHAR(512) PRIMARY KEY,
    event_type   VARCHAR(32)  NOT NULL,
    event_time   TIMESTAMP WITH TIME ZONE NOT NULL,
    record_time  TIMESTAMP WITH TIME ZONE NOT NULL,
    action       VARCHAR(8),
    biz_step     VARCHAR(512),
    disposition  VARCHAR(512),
    read_point   VARCHAR(512),
    biz_location VARCHAR(512),
    capture_id   VARCHAR(36)  NOT NULL,
    ld_context   TEXT,
    document     TEXT NOT NULL
);
CREATE INDEX epcis_event_time_idx ON epcis_event (event_time, event_id);
CREATE INDEX epcis_event_biz_step_idx ON epcis_event (biz_step, event_time);
CREATE INDEX epcis_event_read_point_idx ON epcis_event (read_point, event_time);
CREATE INDEX epcis_event_biz_location_idx ON epcis_event (biz_location, event_time);

CREATE TABLE epcis_event_epc (
    event_id VARCHAR(512) NOT NULL,
    role     VARCHAR(16)  NOT NULL,
    epc      VARCHAR(512) NOT NULL,
    CONSTRAINT epcis_event_epc_event_fk FOREIGN KEY (event_id) REFERENCES epcis_event (event_id) ON DELETE CASCADE
);
CREATE INDEX epcis_event_epc_idx ON epcis_event_epc (epc, role);
CREATE INDEX epcis_event_epc_event_idx ON epcis_event_epc (event_id);

CREATE TABLE epcis_location_config (
    location_id  VARCHAR(64)  PRIMARY KEY,
    biz_step     VARCHAR(512),
    disposition  VARCHAR(512)
);

-- The audit trail: one row per access to personal or tracking data, hash-chained (docs/audit.md).
-- id is the chain's sequence number (1, 2, 3 … without gaps), assigned by the application under the
-- lock on audit_head, never by a sequence, so a gap is a deleted record.
CREATE TABLE audit_record (
    id           BIGINT       PRIMARY KEY,
    at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    username     VARCHAR(100) NOT NULL,
    roles        VARCHAR(500) NOT NULL,
    action       VARCHAR(64)  NOT NULL,
    subject      VARCHAR(500),
    purpose      VARCHAR(500),
    result_count BIGINT,
    client_ip    VARCHAR(64),
    outcome      VARCHAR(16)  NOT NULL,
    prev_hash    CHAR(64)     NOT NULL,
    hash         CHAR(64)     NOT NULL,
    CONSTRAINT audit_record_outcome_ck CHECK (outcome IN ('OK', 'REFUSED', 'FAILED'))
);
CREATE INDEX audit_record_at_idx ON audit_record (at);
CREATE INDEX audit_record_username_idx ON audit_record (username, id);
CREATE INDEX audit_record_subject_idx ON audit_record (subject, id);

-- The head of the chain: one row, locked (SELECT … FOR UPDATE) by every append, so appends from any
-- thread form one chain. seq = 0 and the genesis hash before the first record.
CREATE TABLE audit_head (
    id        SMALLINT PRIMARY KEY CHECK (id = 1),
    seq       BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL,
    -- the newest record (null before the first); the reference also makes TRUNCATE of audit_record fail
    last_id   BIGINT   REFERENCES audit_record (id)
);
INSERT INTO audit_head (id, seq, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Append-only: a Java trigger refuses every UPDATE and DELETE (H2 has no roles to revoke from here;
-- whoever can run DDL on the file can drop the trigger, see docs/audit.md).
CREATE TRIGGER audit_record_no_update BEFORE UPDATE ON audit_record FOR EACH ROW
    CALL 'org.openrfid.trace.service.audit.jdbc.AuditAppendOnlyTrigger';
CREATE TRIGGER audit_record_no_delete BEFORE DELETE ON audit_record FOR EACH ROW
    CALL 'org.openrfid.trace.service.audit.jdbc.AuditAppendOnlyTrigger';

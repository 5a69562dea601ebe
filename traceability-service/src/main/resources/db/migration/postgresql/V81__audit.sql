-- The audit trail: one row per access to personal or tracking data, hash-chained (docs/audit.md).
-- id is the chain's sequence number (1, 2, 3 … without gaps), assigned by the application under the
-- lock on audit_head, never by a sequence, so a gap is a deleted record.
CREATE TABLE audit_record (
    id           BIGINT       PRIMARY KEY,
    at           TIMESTAMPTZ  NOT NULL,
    username     VARCHAR(100) COLLATE "C" NOT NULL,
    roles        VARCHAR(500) COLLATE "C" NOT NULL,
    action       VARCHAR(64)  COLLATE "C" NOT NULL,
    subject      VARCHAR(500) COLLATE "C",
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
-- thread or cluster member form one chain. seq = 0 and the genesis hash before the first record.
CREATE TABLE audit_head (
    id        SMALLINT PRIMARY KEY CHECK (id = 1),
    seq       BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL,
    -- the newest record (null before the first); the reference also makes TRUNCATE of audit_record fail
    last_id   BIGINT   REFERENCES audit_record (id)
);
INSERT INTO audit_head (id, seq, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Append-only. The trigger refuses UPDATE, DELETE and TRUNCATE for every role, the table's owner
-- included; the REVOKE keeps other roles out even if the trigger is dropped. Run the application as
-- a role that does not own the table (docs/audit.md): the owner and superusers can drop the trigger.
CREATE FUNCTION audit_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_record is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_record_no_change BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_append_only();
CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_record_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_record FROM PUBLIC;

-- "Which tags are bound to these objects" (TagBindings.openOf, and bind() loading the objects' histories) asks
-- object_kind = ? AND object_id IN (…). H2 uses only the first column of tag_binding_object_idx for that and
-- scans every binding of the kind, so each batch of an import cost more than the last (a 100 000-vehicle file:
-- 1 800 rows/s falling to 560). An index on object_id alone answers the IN list directly.
CREATE INDEX tag_binding_object_id_idx ON tag_binding (object_id);

-- An audit event's field changes as one JSON array of [field, before, after] in its own row (see
-- AuditChangesColumn), instead of a row per change: a write is one statement fewer. Events written
-- before keep their rows in audit_event_changes (changes is NULL for them) and are read from there.
ALTER TABLE audit_events ADD COLUMN changes VARCHAR(20000);

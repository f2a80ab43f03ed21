-- H2 writes a sequence's next value to its file, in a commit of its own, once every CACHE values
-- (32 by default): for a busy service, one more commit for every 32 audit events. Cached 1,000 at
-- a time (${audit_id_cache} here), a crash skips at most 1,000 ids; ids stay unique, and increasing
-- since H2 runs in one process. PostgreSQL caches per connection, which would let the ids of two
-- connections interleave out of order: it keeps 1, its default, and this changes nothing there.
ALTER TABLE audit_events ALTER COLUMN id SET CACHE ${audit_id_cache};

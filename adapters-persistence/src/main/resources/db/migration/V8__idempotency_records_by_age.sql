-- Answers to an Idempotency-Key are kept for a day. The service deletes older ones a batch at a
-- time (ExpiredIdempotencyRecords), oldest first: this index finds them without reading the table.
CREATE INDEX idempotency_records_claimed_at ON idempotency_records (claimed_at);

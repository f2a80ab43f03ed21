-- The naive locked read-modify-write a PATCH is compared with.
\set id random(1, 10000)
BEGIN;
SELECT activations_limit, disabled, expires_at, version FROM bench_keys WHERE id = :id FOR UPDATE;
UPDATE bench_keys SET activations_limit = 7, version = version + 1 WHERE id = :id;
COMMIT;

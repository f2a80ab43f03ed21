-- Answers to requests that carried an Idempotency-Key, kept for a day (see IdempotencyRecords).
CREATE TABLE idempotency_records (
    scope       VARCHAR(80)              NOT NULL,
    idem_key    VARCHAR(255)             NOT NULL,
    fingerprint CHAR(64)                 NOT NULL,
    status      INTEGER,
    body        VARCHAR(70000),
    claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotency_records_pk PRIMARY KEY (scope, idem_key)
);

CREATE INDEX idempotency_records_by_age ON idempotency_records (claimed_at);

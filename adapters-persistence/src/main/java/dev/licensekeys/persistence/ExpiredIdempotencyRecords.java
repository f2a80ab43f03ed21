package dev.licensekeys.persistence;

import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Deletes the answers to Idempotency-Keys once they are a day old, every minute. A claim forgets an
 * old answer only for its own key, and clients send a fresh key with every request: without this,
 * every answer stayed for good, and anyone could fill the disk through the public activation route
 * by sending a new key each time.
 */
public final class ExpiredIdempotencyRecords implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ExpiredIdempotencyRecords.class.getName());

  static final Duration BETWEEN_ROUNDS = Duration.ofMinutes(1);
  static final int BATCH = 1_000;

  private final FailureStreak failures =
      new FailureStreak(LOG, "deleting expired idempotency records", 10);
  private final Rounds rounds;

  private ExpiredIdempotencyRecords(
      JdbcIdempotencyRecords records, Clock clock, Duration betweenRounds) {
    this.rounds =
        new Rounds("idempotency-records-expiry", betweenRounds, () -> deleteOnce(records, clock));
  }

  /** Starts deleting on a timer; the first round runs a minute from now. */
  public static ExpiredIdempotencyRecords start(JdbcIdempotencyRecords records, Clock clock) {
    return start(records, clock, BETWEEN_ROUNDS);
  }

  static ExpiredIdempotencyRecords start(
      JdbcIdempotencyRecords records, Clock clock, Duration betweenRounds) {
    return new ExpiredIdempotencyRecords(records, clock, betweenRounds);
  }

  private void deleteOnce(JdbcIdempotencyRecords records, Clock clock) {
    try {
      records.deleteExpired(clock.instant(), BATCH);
      failures.succeeded();
    } catch (RuntimeException e) {
      // The database may be away for a while; the next round tries again.
      failures.failed(e);
    }
  }

  @Override
  public void close() {
    rounds.close();
  }
}

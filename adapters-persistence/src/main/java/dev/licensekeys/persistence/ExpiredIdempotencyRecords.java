package dev.licensekeys.persistence;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("idempotency-records-expiry").daemon().factory());
  private final FailureStreak failures =
      new FailureStreak(LOG, "deleting expired idempotency records", 10);

  private ExpiredIdempotencyRecords(
      JdbcIdempotencyRecords records, Clock clock, Duration betweenRounds) {
    timer.scheduleWithFixedDelay(
        () -> deleteOnce(records, clock),
        betweenRounds.toMillis(),
        betweenRounds.toMillis(),
        TimeUnit.MILLISECONDS);
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

  /** Lets a round in progress finish: interrupted, H2's file reads would close its file. */
  @Override
  public void close() {
    timer.shutdown();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

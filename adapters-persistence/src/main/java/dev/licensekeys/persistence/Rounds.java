package dev.licensekeys.persistence;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** One task run again and again on a daemon thread of its own, {@code between} apart. */
final class Rounds implements AutoCloseable {

  private final ScheduledExecutorService timer;

  Rounds(String threadName, Duration between, Runnable round) {
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name(threadName).daemon().factory());
    timer.scheduleWithFixedDelay(
        round, between.toMillis(), between.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** No round after the one running now; a round may call it. */
  void stopAfterThisRound() {
    timer.shutdown();
  }

  boolean stopped() {
    return timer.isShutdown();
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

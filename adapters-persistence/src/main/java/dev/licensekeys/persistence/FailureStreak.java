package dev.licensekeys.persistence;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The log of a task that runs again and again and may fail each time: the first failure of a streak
 * is a warning with its cause, then one warning every {@code reminderEvery} failures, and a line
 * when the task works again. A task retried five times a second that fails for an hour would
 * otherwise write 18,000 stack traces.
 */
final class FailureStreak {

  private final Logger log;
  private final String task;
  private final int reminderEvery;
  private long failures;

  FailureStreak(Logger log, String task, int reminderEvery) {
    if (reminderEvery < 1) {
      throw new IllegalArgumentException("reminderEvery must be 1 or more");
    }
    this.log = log;
    this.task = task;
    this.reminderEvery = reminderEvery;
  }

  void failed(RuntimeException cause) {
    failures++;
    if (failures == 1) {
      log.log(Level.WARNING, task + " failed; trying again", cause);
    } else if (failures % reminderEvery == 0) {
      log.log(Level.WARNING, task + " still fails: " + failures + " times in a row", cause);
    } else {
      log.log(Level.FINE, task + " failed again", cause);
    }
  }

  void succeeded() {
    if (failures > 0) {
      log.info(task + " works again after " + failures + " failures in a row");
      failures = 0;
    }
  }
}

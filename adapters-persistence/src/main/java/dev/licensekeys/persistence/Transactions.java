package dev.licensekeys.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * Runs work in one transaction, and runs it again when the database asks for that: serialization
 * failures (40001, as CockroachDB and YugabyteDB raise), deadlocks (40P01), and H2's concurrent
 * update and lock timeout. Work must therefore have no effect outside the transaction.
 */
final class Transactions {

  /** SQLSTATEs after which the same work may succeed: nothing of it was committed. */
  private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "90131", "HYT00");

  private static final int MAX_ATTEMPTS = 20;

  /** Transactions run by {@link #againAfterAnInsertRace}, the first included. */
  static final int INSERT_RACE_ATTEMPTS = 3;

  private final DataSource dataSource;

  Transactions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  <T> T inTransaction(String what, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      Committed<T> committed = null;
      try (Connection connection = connect(what)) {
        connection.setAutoCommit(false);
        T result;
        try {
          result = work.run(connection);
          connection.commit();
        } catch (SQLException | RuntimeException e) {
          rollBack(connection, e);
          throw e;
        }
        committed = new Committed<>(result);
        connection.setAutoCommit(true);
        return result;
      } catch (SQLException e) {
        if (committed != null) {
          // The work is committed: a failure after it, giving the connection back, must not run it
          // a second time (an activation would take a second seat).
          return committed.result();
        }
        if (!isRetryable(e) || attempt == MAX_ATTEMPTS) {
          throw new DataAccessException(what + " failed", e);
        }
        backOff(attempt);
      }
    }
  }

  /**
   * {@link #inTransaction}, run again while it breaks a unique index, {@link #INSERT_RACE_ATTEMPTS}
   * times at most: for work that reads whether a row is there, then inserts it, and so loses to
   * another writer inserting the same row in between. Run again, it reads that row. A violation
   * that outlasts the attempts is thrown.
   */
  <T> T againAfterAnInsertRace(String what, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return inTransaction(what, work);
      } catch (DataAccessException e) {
        if (!e.isUniqueViolation() || attempt == INSERT_RACE_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private record Committed<T>(T result) {}

  /**
   * Rolls back after {@code failure}. A connection that broke with it (the pool closes one that the
   * database closed) refuses, and that refusal is kept beside the failure, not in its place: the
   * failure says what happened, and whether to answer 503.
   */
  private static void rollBack(Connection connection, Exception failure) {
    try {
      connection.rollback();
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  /** An exception without a SQLSTATE (H2 throws some) is not one to retry. */
  static boolean isRetryable(SQLException e) {
    return e.getSQLState() != null && RETRYABLE.contains(e.getSQLState());
  }

  /** One statement or a few reads that need no transaction of their own. */
  <T> T read(String what, Work<T> work) {
    try (Connection connection = connect(what)) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new DataAccessException(what + " failed", e);
    }
  }

  private Connection connect(String what) {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw DataAccessException.noConnection(what + " found no connection", e);
    }
  }

  private static void backOff(int attempt) {
    // Jitter keeps retrying writers from colliding again in lockstep.
    long maxMicros = Math.min(50_000, 500L << Math.min(attempt, 7));
    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(maxMicros) * 1_000);
  }
}

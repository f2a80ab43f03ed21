package dev.licensekeys.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Keeps an H2 file from growing without bound. H2 compacts its file from the thread that writes
 * commits in the background, and {@code WRITE_DELAY=0} (every commit written before it is
 * acknowledged) turns that thread off: a chunk that keeps one live page is then kept whole, and
 * under steady writes the file grew by 30 to 40 MB/s (docs/RELIABILITY.md). This does the
 * compaction part alone, on a timer: it rewrites the live pages of mostly dead chunks, so that
 * their space is reused. Commits still reach the file before they are acknowledged.
 */
final class H2FileCompaction implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(H2FileCompaction.class.getName());

  /** Chunks fuller than this are left alone; H2's own default for its background compaction. */
  private static final int TARGET_FILL_RATE_PERCENT = 90;

  /** Live pages rewritten at most per round, so that a round never holds the store for long. */
  private static final int BYTES_PER_ROUND = 1 << 20;

  private static final Duration BETWEEN_ROUNDS = Duration.ofMillis(200);

  /** A failing compaction is named again once a minute, not five times a second. */
  private static final int ROUNDS_BETWEEN_REMINDERS = 300;

  private final DataSource dataSource;
  private final Rounds rounds;
  private final FailureStreak failures =
      new FailureStreak(LOG, "compacting the H2 file", ROUNDS_BETWEEN_REMINDERS);

  /** Only the timer's thread writes it, after a failed write closed the store it held. */
  private volatile MVStore store;

  private H2FileCompaction(DataSource dataSource, MVStore store) {
    this.dataSource = dataSource;
    this.store = store;
    this.rounds = new Rounds("h2-file-compaction", BETWEEN_ROUNDS, this::compactOnce);
  }

  /**
   * Starts compacting the file behind {@code dataSource}, when this process holds it. A process
   * that reaches the file through another's server (the CLI while the service runs) leaves it to
   * that one.
   */
  static Optional<H2FileCompaction> start(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return fileStoreOf(connection).map(store -> new H2FileCompaction(dataSource, store));
    } catch (SQLException e) {
      throw new DataAccessException("reaching the H2 store to compact it failed", e);
    }
  }

  /** The store behind {@code connection}, when it is a file this process holds. */
  static Optional<MVStore> fileStoreOf(Connection connection) throws SQLException {
    if (connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local
        && local.getDatabase().isPersistent()) {
      return Optional.of(local.getDatabase().getStore().getMvStore());
    }
    return Optional.empty();
  }

  private void compactOnce() {
    MVStore store = this.store;
    if (store.isClosed() && store.getPanicException() != null) {
      // A write to the file failed (a full disk, say) and H2 closed the database; the pool opens
      // it again once it can (H2ClosedDatabase), and this follows it to its new store.
      reopenedStore();
      return;
    }
    if (store.isClosed()) {
      rounds.stopAfterThisRound();
      return;
    }
    try {
      store.compact(TARGET_FILL_RATE_PERCENT, BYTES_PER_ROUND);
      failures.succeeded();
    } catch (RuntimeException e) {
      // The store closed under the round (the process is stopping), or one round failed: the next
      // round tries again, and nothing committed depends on it.
      if (!store.isClosed()) {
        failures.failed(e);
      }
    }
  }

  private void reopenedStore() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      // A connection to the closed database fails here, and the pool drops it; the next round
      // gets one that opened the file again.
      statement.execute("SELECT 1");
      fileStoreOf(connection).ifPresent(reopened -> store = reopened);
    } catch (SQLException e) {
      failures.failed(new DataAccessException("opening the H2 file again failed", e));
    } catch (RuntimeException e) {
      failures.failed(e);
    }
  }

  /** Whether the rounds run on {@code current}, the store a connection reaches now. */
  boolean compacts(MVStore current) {
    return store == current && !rounds.stopped();
  }

  @Override
  public void close() {
    rounds.close();
  }
}

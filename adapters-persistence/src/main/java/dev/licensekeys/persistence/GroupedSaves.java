package dev.licensekeys.persistence;

import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.LicenseKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for patches: the saves that arrive while a transaction is being written wait, and
 * the next of them to get the writer's turn writes them all in one transaction, with one batch of
 * conditional updates and one of audit rows. Each save is still acknowledged only after its
 * transaction has committed, and each still succeeds only if its key is at the version it read.
 *
 * <p>A commit is the expensive part of a patch: PostgreSQL waits for its WAL to reach the disk, H2
 * writes a chunk of its file. Sharing one commit among the writers that are waiting anyway lets the
 * rate of patches grow past the rate of commits, without a delay when the load is light (a lone
 * save is written at once).
 */
final class GroupedSaves {

  /** Saves in one transaction at most, so that one transaction stays short. */
  static final int MAX_GROUP = 256;

  private static final Comparator<Pending> BY_KEY_ID =
      Comparator.comparing(pending -> pending.changed.id());

  private final Transactions transactions;
  private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
  private final ReentrantLock writersTurn = new ReentrantLock();

  GroupedSaves(Transactions transactions) {
    this.transactions = transactions;
  }

  /**
   * Stores {@code changed} and its event if the stored key is still at {@code changed.version()};
   * false when another writer got there first or the key is gone. Returns after the commit.
   */
  boolean save(LicenseKey changed, AuditEvent event) {
    Pending mine = new Pending(changed, event);
    waiting.add(mine);
    writersTurn.lock();
    try {
      if (!mine.isDone()) {
        writeWaitingGroup();
      }
    } finally {
      writersTurn.unlock();
    }
    return mine.outcome();
  }

  /** How many saves wait for a writer's turn; for tests. */
  int waiting() {
    return waiting.size();
  }

  private void writeWaitingGroup() {
    List<Pending> group = new ArrayList<>();
    for (Pending next; group.size() < MAX_GROUP && (next = waiting.poll()) != null; ) {
      group.add(next);
    }
    // The same order of row locks in every group, in every process: groups cannot deadlock.
    group.sort(BY_KEY_ID);
    try {
      boolean[] saved = transactions.inTransaction("saving license keys", c -> write(c, group));
      for (int i = 0; i < group.size(); i++) {
        group.get(i).succeed(saved[i]);
      }
    } catch (DataAccessException e) {
      if (e.isUnavailable() || group.size() == 1) {
        group.forEach(pending -> pending.fail(e));
      } else {
        // One bad save must not fail the others: each is written again on its own.
        group.forEach(this::writeAlone);
      }
    } catch (RuntimeException e) {
      group.forEach(pending -> pending.fail(e));
    } finally {
      // Even an Error must not leave a waiting save undecided, to be taken for a lost race.
      group.stream()
          .filter(pending -> !pending.isDone())
          .forEach(
              pending -> pending.fail(new IllegalStateException("the writer of its group failed")));
    }
  }

  private void writeAlone(Pending pending) {
    try {
      pending.succeed(
          transactions.inTransaction("saving a license key", c -> write(c, List.of(pending)))[0]);
    } catch (RuntimeException e) {
      pending.fail(e);
    }
  }

  private static boolean[] write(Connection connection, List<Pending> group) throws SQLException {
    boolean[] saved = new boolean[group.size()];
    try (PreparedStatement update =
        connection.prepareStatement(JdbcLicenseKeys.UPDATE_PATCHED_FIELDS)) {
      for (Pending pending : group) {
        JdbcLicenseKeys.bindPatchedFields(update, pending.changed);
        update.addBatch();
      }
      int[] counts = update.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] != 0 && counts[i] != 1) {
          throw new IllegalStateException("updating one key by its id changed " + counts[i]);
        }
        saved[i] = counts[i] == 1;
      }
    }
    io.vavr.collection.List<AuditEvent> events = io.vavr.collection.List.empty();
    for (int i = group.size() - 1; i >= 0; i--) {
      if (saved[i]) {
        events = events.prepend(group.get(i).event);
      }
    }
    if (!events.isEmpty()) {
      AuditEventRows.insertAll(connection, events);
    }
    return saved;
  }

  /** One caller's save, done when a writer has its outcome. */
  private static final class Pending {
    private final LicenseKey changed;
    private final AuditEvent event;
    private volatile boolean done;
    private boolean saved;
    private RuntimeException failure;

    Pending(LicenseKey changed, AuditEvent event) {
      this.changed = changed;
      this.event = event;
    }

    boolean isDone() {
      return done;
    }

    void succeed(boolean saved) {
      this.saved = saved;
      done = true;
    }

    void fail(RuntimeException failure) {
      this.failure = failure;
      done = true;
    }

    /** Read by the caller after the writer's turn, which orders it after the writer's writes. */
    boolean outcome() {
      if (failure != null) {
        throw failure;
      }
      return saved;
    }
  }
}

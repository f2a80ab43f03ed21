package dev.licensekeys.persistence;

import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.LicenseKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Group commit for patches ({@link Groups}): the saves that arrive while a transaction is being
 * written wait, and the next of them to get the writer's turn writes them all in one transaction,
 * with one batch of conditional updates and one of audit rows. Each save is still acknowledged only
 * after its transaction has committed, and each still succeeds only if its key is at the version it
 * read.
 *
 * <p>A commit is the expensive part of a patch: PostgreSQL waits for its WAL to reach the disk, H2
 * writes a chunk of its file. Sharing one commit among the writers that are waiting anyway lets the
 * rate of patches grow past the rate of commits, without a delay when the load is light (a lone
 * save is written at once).
 */
final class GroupedSaves {

  /** Saves in one transaction at most, so that one transaction stays short. */
  static final int MAX_GROUP = 256;

  private static final Comparator<Groups.Item<Save, Boolean>> BY_KEY_ID =
      Comparator.comparing(item -> item.value().changed().id());

  private record Save(LicenseKey changed, AuditEvent event) {}

  private final Transactions transactions;
  private final Groups<Save, Boolean> groups = new Groups<>(MAX_GROUP, this::write);

  GroupedSaves(Transactions transactions) {
    this.transactions = transactions;
  }

  /**
   * Stores {@code changed} and its event if the stored key is still at {@code changed.version()};
   * false when another writer got there first or the key is gone. Returns after the commit.
   */
  boolean save(LicenseKey changed, AuditEvent event) {
    return groups.submit(new Save(changed, event));
  }

  /** How many saves wait for a writer's turn; for tests. */
  int waiting() {
    return groups.waiting();
  }

  private void write(List<Groups.Item<Save, Boolean>> unordered) {
    List<Groups.Item<Save, Boolean>> group = new ArrayList<>(unordered);
    // The same order of row locks in every group, in every process: groups cannot deadlock.
    group.sort(BY_KEY_ID);
    try {
      boolean[] saved = transactions.inTransaction("saving license keys", c -> write(c, group));
      for (int i = 0; i < group.size(); i++) {
        group.get(i).succeed(saved[i]);
      }
    } catch (DataAccessException e) {
      if (e.isUnavailable() || group.size() == 1) {
        throw e;
      }
      // One bad save must not fail the others: each is written again on its own.
      group.forEach(this::writeAlone);
    }
  }

  private void writeAlone(Groups.Item<Save, Boolean> item) {
    try {
      item.succeed(
          transactions.inTransaction("saving a license key", c -> write(c, List.of(item)))[0]);
    } catch (RuntimeException e) {
      item.fail(e);
    }
  }

  private static boolean[] write(Connection connection, List<Groups.Item<Save, Boolean>> group)
      throws SQLException {
    boolean[] saved = new boolean[group.size()];
    try (PreparedStatement update =
        connection.prepareStatement(JdbcLicenseKeys.UPDATE_PATCHED_FIELDS)) {
      for (Groups.Item<Save, Boolean> item : group) {
        JdbcLicenseKeys.bindPatchedFields(update, item.value().changed());
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
        events = events.prepend(group.get(i).value().event());
      }
    }
    if (!events.isEmpty()) {
      AuditEventRows.insertAll(connection, events);
    }
    return saved;
  }
}

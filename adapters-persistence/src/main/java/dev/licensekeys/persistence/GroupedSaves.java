package dev.licensekeys.persistence;

import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.LicenseKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

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
  private final boolean skipHeldKeys;
  private final Groups<Save, Boolean> groups = new Groups<>(MAX_GROUP, this::write);

  /**
   * {@code skipHeldKeys}: a group first locks its keys, skipping those another transaction holds
   * ({@link #heldByThisGroup}). On PostgreSQL, where another process or an operator's session may
   * hold a key for as long as it likes. Not on H2: only the CLI reaches its file beside the
   * service, it holds no key the service writes, and H2 waits at most its lock timeout; the extra
   * statement cost H2 7% of its PATCH/s.
   */
  GroupedSaves(Transactions transactions, boolean skipHeldKeys) {
    this.transactions = transactions;
    this.skipHeldKeys = skipHeldKeys;
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

  private boolean[] write(Connection connection, List<Groups.Item<Save, Boolean>> group)
      throws SQLException {
    boolean[] saved = new boolean[group.size()];
    Predicate<String> writable =
        skipHeldKeys ? heldByThisGroup(connection, group)::contains : id -> true;
    List<Integer> written = new ArrayList<>();
    try (PreparedStatement update =
        connection.prepareStatement(JdbcLicenseKeys.UPDATE_PATCHED_FIELDS)) {
      for (int i = 0; i < group.size(); i++) {
        LicenseKey changed = group.get(i).value().changed();
        if (writable.test(changed.id())) {
          JdbcLicenseKeys.bindPatchedFields(update, changed);
          update.addBatch();
          written.add(i);
        }
      }
      int[] counts = written.isEmpty() ? new int[0] : update.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] != 0 && counts[i] != 1) {
          throw new IllegalStateException("updating one key by its id changed " + counts[i]);
        }
        saved[written.get(i)] = counts[i] == 1;
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

  /**
   * Locks the group's keys, skipping those another transaction holds (an operator's open session,
   * another process): their saves lose as a race does, and the domain tries them again, after three
   * tries on a locked path of its own that waits outside the group. One held key would otherwise
   * hold up every save of every group behind it, for as long as the other transaction lasted (28 s
   * in a test with a session holding one key for 30 s).
   */
  private static Set<String> heldByThisGroup(
      Connection connection, List<Groups.Item<Save, Boolean>> group) throws SQLException {
    Set<String> locked = new HashSet<>();
    try (PreparedStatement lock =
            Sql.inList(
                connection,
                "SELECT license_key_id FROM license_key_states WHERE license_key_id",
                group.stream().map(item -> item.value().changed().id()).distinct().toList(),
                " FOR UPDATE SKIP LOCKED");
        ResultSet row = lock.executeQuery()) {
      while (row.next()) {
        locked.add(row.getString(1));
      }
    }
    return locked;
  }
}

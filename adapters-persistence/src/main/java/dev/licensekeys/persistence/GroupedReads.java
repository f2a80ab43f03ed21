package dev.licensekeys.persistence;

import dev.licensekeys.domain.model.LicenseKey;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keys read by id, many readers to one query ({@link Groups}): the reads that arrive while a query
 * runs wait, and the next reader asks for all their keys at once ({@code WHERE id IN (...)}). Each
 * query starts after every read it answers was asked, so a caller sees what it wrote before.
 */
final class GroupedReads {

  /** Ids in one query at most. */
  static final int MAX_GROUP = 128;

  private final Transactions transactions;
  private final Groups<String, Option<LicenseKey>> groups = new Groups<>(MAX_GROUP, this::read);

  GroupedReads(Transactions transactions) {
    this.transactions = transactions;
  }

  /** The key with this id in this business. */
  Option<LicenseKey> findById(String businessId, String licenseKeyId) {
    return groups.submit(licenseKeyId).filter(key -> key.businessId().equals(businessId));
  }

  /** How many reads wait for a reader's turn; for tests. */
  int waiting() {
    return groups.waiting();
  }

  private void read(List<Groups.Item<String, Option<LicenseKey>>> group) {
    Map<String, LicenseKey> found =
        transactions.read("finding license keys", connection -> select(connection, group));
    group.forEach(item -> item.succeed(Option.of(found.get(item.value()))));
  }

  private static Map<String, LicenseKey> select(
      Connection connection, List<Groups.Item<String, Option<LicenseKey>>> group)
      throws SQLException {
    Map<String, LicenseKey> found = new HashMap<>();
    try (PreparedStatement query =
            Sql.inList(
                connection,
                LicenseKeyRows.SELECT_KEYS + " WHERE id",
                group.stream().map(Groups.Item::value).toList());
        ResultSet row = query.executeQuery()) {
      while (row.next()) {
        LicenseKey key = LicenseKeyRows.key(row);
        found.put(key.id(), key);
      }
    }
    return found;
  }
}

package dev.licensekeys.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Update the row, or insert it when there is none: portable where MERGE and ON CONFLICT differ
 * between databases. Both statements take the same parameters in the same order. Two writers
 * inserting at once make one unique violation, and the loser's retry updates.
 */
final class Upsert {

  private Upsert() {}

  @FunctionalInterface
  interface Parameters {
    void bind(PreparedStatement statement) throws SQLException;
  }

  static void run(
      Transactions transactions,
      String what,
      String updateSql,
      String insertSql,
      Parameters parameters) {
    for (int attempt = 1; ; attempt++) {
      try {
        transactions.inTransaction(
            what,
            connection -> {
              try (PreparedStatement update = connection.prepareStatement(updateSql)) {
                parameters.bind(update);
                if (update.executeUpdate() > 0) {
                  return null;
                }
              }
              try (PreparedStatement insert = connection.prepareStatement(insertSql)) {
                parameters.bind(insert);
                insert.executeUpdate();
              }
              return null;
            });
        return;
      } catch (DataAccessException e) {
        if (!e.isUniqueViolation() || attempt == 3) {
          throw e;
        }
      }
    }
  }
}

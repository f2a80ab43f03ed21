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

  /** The same inside a transaction someone else owns. */
  static void inConnection(
      java.sql.Connection connection, String updateSql, String insertSql, Parameters parameters)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(updateSql)) {
      parameters.bind(update);
      if (update.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement insert = connection.prepareStatement(insertSql)) {
      parameters.bind(insert);
      insert.executeUpdate();
    }
  }

  /** One upsert in a connection, as the adapters write them with {@link #inConnection}. */
  @FunctionalInterface
  interface InConnection {
    void run(java.sql.Connection connection) throws SQLException;
  }

  /** The upsert in a transaction of its own, again when a concurrent insert beat it. */
  static void run(Transactions transactions, String what, InConnection upsert) {
    transactions.againAfterAnInsertRace(
        what,
        connection -> {
          upsert.run(connection);
          return null;
        });
  }
}

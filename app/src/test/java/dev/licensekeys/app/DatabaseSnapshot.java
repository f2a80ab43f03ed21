package dev.licensekeys.app;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/** Every row of every table, as sorted text: two snapshots are equal iff nothing changed. */
final class DatabaseSnapshot {

  private static final List<String> TABLES =
      List.of(
          "customers",
          "products",
          "license_keys",
          "license_key_states",
          "license_key_instances",
          "audit_events",
          "audit_event_changes",
          "api_keys");

  private DatabaseSnapshot() {}

  static List<String> of(DataSource dataSource) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet row = statement.executeQuery("SELECT * FROM " + table)) {
          ResultSetMetaData columns = row.getMetaData();
          while (row.next()) {
            StringBuilder line = new StringBuilder(table);
            for (int column = 1; column <= columns.getColumnCount(); column++) {
              if (!columns.getColumnName(column).equalsIgnoreCase("last_used_at")) {
                line.append('|').append(row.getString(column));
              }
            }
            rows.add(line.toString());
          }
        }
      }
    }
    Collections.sort(rows);
    return rows;
  }
}

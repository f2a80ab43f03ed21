package dev.licensekeys.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A schema as lines of text read from the database's catalog (tables, columns in order, types,
 * defaults, constraints and their columns, checks, indexes, identity caches), without the names a
 * database makes up itself: two schemas with the same lines have the same shape.
 */
final class SchemaDescription {

  private static final List<String> COMMON =
      List.of(
          """
          SELECT table_name, column_name, data_type, character_maximum_length, is_nullable,
                 column_default, is_identity
          FROM information_schema.columns WHERE table_schema = ?
          ORDER BY table_name, ordinal_position""",
          """
          SELECT table_name, constraint_name, constraint_type
          FROM information_schema.table_constraints
          WHERE table_schema = ? AND constraint_name NOT LIKE '%not_null'
          ORDER BY table_name, constraint_name""",
          """
          SELECT table_name, constraint_name, column_name, ordinal_position
          FROM information_schema.key_column_usage WHERE table_schema = ?
          ORDER BY table_name, constraint_name, ordinal_position""",
          """
          SELECT constraint_name, unique_constraint_name
          FROM information_schema.referential_constraints WHERE constraint_schema = ?
          ORDER BY constraint_name""",
          """
          SELECT constraint_name, check_clause
          FROM information_schema.check_constraints
          WHERE constraint_schema = ? AND constraint_name NOT LIKE '%not_null'
          ORDER BY constraint_name""");

  // H2 names the indexes behind constraints itself: only the declared ones are compared.
  private static final List<String> H2 =
      List.of(
          """
          SELECT i.table_name, i.index_name, i.index_type_name, c.column_name,
                 c.ordinal_position, c.ordering_specification
          FROM information_schema.indexes i
          JOIN information_schema.index_columns c
            ON c.index_schema = i.index_schema AND c.index_name = i.index_name
          WHERE i.table_schema = ? AND i.is_generated = FALSE
          ORDER BY i.table_name, i.index_name, c.ordinal_position""",
          """
          SELECT table_name, column_name, identity_cache
          FROM information_schema.columns WHERE table_schema = ? AND is_identity = 'YES'
          ORDER BY table_name, column_name""");

  private static final List<String> POSTGRES =
      List.of(
          """
          SELECT tablename, indexname, replace(indexdef, schemaname || '.', '')
          FROM pg_indexes WHERE schemaname = ?
          ORDER BY tablename, indexname""",
          """
          SELECT sequencename, cache_size FROM pg_sequences WHERE schemaname = ?
          ORDER BY sequencename""");

  private SchemaDescription() {}

  /** Every line of {@code schema}'s shape, the Flyway history table's left out. */
  static List<String> of(DataSource dataSource, boolean h2, String schema) throws SQLException {
    List<String> queries = new ArrayList<>(COMMON);
    queries.addAll(h2 ? H2 : POSTGRES);
    List<String> lines = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      for (String query : queries) {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
          statement.setString(1, schema);
          try (ResultSet rows = statement.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
              StringBuilder line = new StringBuilder();
              for (int column = 1; column <= columns; column++) {
                line.append(rows.getString(column)).append(" | ");
              }
              if (!line.toString().contains("flyway_schema_history")) {
                lines.add(line.toString());
              }
            }
          }
        }
      }
    }
    return lines;
  }
}

package dev.licensekeys.persistence;

import dev.licensekeys.domain.model.Timestamps;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

/** Binding and reading the few column types this schema has, nulls included. */
final class Sql {

  private Sql() {}

  /**
   * {@code sql} followed by {@code IN (?, ..., ?)}, one parameter for each of {@code values},
   * prepared with them bound in order; the caller closes it.
   */
  static PreparedStatement inList(Connection connection, String sql, List<String> values)
      throws SQLException {
    return inList(connection, sql, values, "");
  }

  /** As {@link #inList(Connection, String, List)}, with {@code after} after the list. */
  static PreparedStatement inList(
      Connection connection, String sql, List<String> values, String after) throws SQLException {
    PreparedStatement statement =
        connection.prepareStatement(
            sql
                + " IN ("
                + String.join(",", Collections.nCopies(values.size(), "?"))
                + ")"
                + after);
    try {
      for (int i = 0; i < values.size(); i++) {
        statement.setString(i + 1, values.get(i));
      }
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }

  /**
   * The instant at the whole microseconds the schema keeps, truncated as the domain truncates (both
   * databases would round the nanoseconds instead).
   */
  static void setInstant(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    statement.setObject(
        index, OffsetDateTime.ofInstant(Timestamps.micros(instant), ZoneOffset.UTC));
  }

  static void setInstant(PreparedStatement statement, int index, Option<Instant> instant)
      throws SQLException {
    if (instant.isDefined()) {
      setInstant(statement, index, instant.get());
    } else {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    }
  }

  static void setInteger(PreparedStatement statement, int index, Option<Integer> value)
      throws SQLException {
    if (value.isDefined()) {
      statement.setInt(index, value.get());
    } else {
      statement.setNull(index, Types.INTEGER);
    }
  }

  static void setText(PreparedStatement statement, int index, Option<String> value)
      throws SQLException {
    statement.setString(index, value.getOrNull());
  }

  static Instant instant(ResultSet row, String column) throws SQLException {
    return row.getObject(column, OffsetDateTime.class).toInstant();
  }

  static Option<Instant> optionalInstant(ResultSet row, String column) throws SQLException {
    return Option.of(row.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
  }

  static Option<Integer> optionalInteger(ResultSet row, String column) throws SQLException {
    int value = row.getInt(column);
    return row.wasNull() ? Option.none() : Option.some(value);
  }

  static Option<String> optionalText(ResultSet row, String column) throws SQLException {
    return Option.of(row.getString(column));
  }
}

package dev.licensekeys.persistence;

import java.sql.SQLException;

/** The database failed us: an infrastructure problem, never a business outcome. */
public final class DataAccessException extends RuntimeException {

  private final String sqlState;

  DataAccessException(String message, SQLException cause) {
    super(message + ": " + cause.getMessage(), cause);
    this.sqlState = cause.getSQLState() == null ? "" : cause.getSQLState();
  }

  public String sqlState() {
    return sqlState;
  }

  boolean isUniqueViolation() {
    return sqlState.equals("23505");
  }

  boolean mentions(String constraint) {
    return getMessage().toLowerCase().contains(constraint);
  }
}

package dev.licensekeys.persistence;

import java.sql.SQLException;
import java.util.Set;

/** The database failed us: an infrastructure problem, never a business outcome. */
public final class DataAccessException extends RuntimeException {

  /** Data exception, integrity constraint violation, transaction rollback (SQL standard). */
  private static final Set<String> REFUSED_CLASSES = Set.of("22", "23", "40");

  /**
   * A statement canceled (H2's auto-server tells its client so when a wait for a row lock ran out),
   * a lock not available (PostgreSQL), a lock timeout and a concurrent update (H2).
   */
  private static final Set<String> REFUSED_STATES = Set.of("57014", "55P03", "HYT00", "90131");

  private final String sqlState;
  private final boolean noConnection;

  DataAccessException(String message, SQLException cause) {
    this(message, cause, false);
  }

  private DataAccessException(String message, SQLException cause, boolean noConnection) {
    super(message + ": " + cause.getMessage(), cause);
    this.sqlState = cause.getSQLState() == null ? "" : cause.getSQLState();
    this.noConnection = noConnection;
  }

  /** No connection could be had: the database is down, or the pool is closing. */
  static DataAccessException noConnection(String message, SQLException cause) {
    return new DataAccessException(message, cause, true);
  }

  public String sqlState() {
    return sqlState;
  }

  /**
   * The database could not be reached (SQLSTATE class 08, a shutting or starting server, an H2
   * database closed as the JVM exits, or no connection within the pool's timeout): nothing was
   * done, and the same request may succeed later.
   */
  public boolean isUnavailable() {
    return noConnection
        || sqlState.startsWith("08")
        || sqlState.equals("57P01")
        || sqlState.equals("57P02")
        || sqlState.equals("57P03")
        // H2 closed by its own shutdown hook (it cannot be turned off in auto-server mode).
        || sqlState.equals("90098")
        || sqlState.equals("90121")
        || getCause() instanceof java.sql.SQLTransientConnectionException;
  }

  /**
   * Whether {@code error} came from the database's side: the driver, the pool, the migrations or
   * this adapter, anywhere in its causes.
   */
  public static boolean isDatabaseFailure(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      String type = cause.getClass().getName();
      if (cause instanceof SQLException
          || type.startsWith("org.flywaydb.")
          || type.startsWith("com.zaxxer.hikari.")
          || type.startsWith("dev.licensekeys.persistence.")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code error} is a database that was reached refusing the work: data it does not take,
   * a constraint, a conflict with another transaction, a wait for a lock that ran out. The settings
   * that reach it are not at fault then. Read from the first SQLSTATE among its causes.
   */
  public static boolean isRefusal(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        return REFUSED_CLASSES.contains(state.substring(0, Math.min(2, state.length())))
            || REFUSED_STATES.contains(state);
      }
    }
    return false;
  }

  /** A row broke a unique index: another writer stored the same id or key first. */
  public boolean isUniqueViolation() {
    return sqlState.equals("23505");
  }

  boolean mentions(String constraint) {
    return getMessage().toLowerCase().contains(constraint);
  }
}

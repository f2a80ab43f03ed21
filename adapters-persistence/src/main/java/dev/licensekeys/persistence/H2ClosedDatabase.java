package dev.licensekeys.persistence;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import org.h2.api.ErrorCode;

/**
 * Tells the pool to drop a connection to an H2 database that has closed under it. H2 closes a
 * database for good when a write to its file fails (a full disk, say), and its connections then
 * answer every statement with "The database has been closed" (90098), an error the pool does not
 * know as a broken connection: it kept lending them, and the service answered 503 for as long as it
 * ran, even after the disk had room again. A connection made instead opens the file again.
 */
final class H2ClosedDatabase implements SQLExceptionOverride {

  @java.lang.Override
  public Override adjudicate(SQLException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && isClosedDatabase(sql.getErrorCode())) {
        return Override.MUST_EVICT;
      }
    }
    return Override.CONTINUE_EVICT;
  }

  static boolean isClosedDatabase(int errorCode) {
    return errorCode == ErrorCode.DATABASE_IS_CLOSED
        || errorCode == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN;
  }
}

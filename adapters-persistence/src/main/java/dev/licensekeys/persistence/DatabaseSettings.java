package dev.licensekeys.persistence;

import java.util.Objects;

/**
 * Where the database is. A {@code jdbc:h2:} URL gets the options this schema needs (PostgreSQL
 * mode, lower-case names, a lock timeout long enough for a busy key) unless it sets them itself.
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int maxPoolSize) {

  public static final String EMBEDDED_DEFAULT_URL = "jdbc:h2:file:./data/license-keys";

  private static final String H2_OPTIONS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000"
          // Every commit reaches the file before it is acknowledged: a killed process loses
          // nothing.
          + ";WRITE_DELAY=0";

  public DatabaseSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "DATABASE_URL must be a jdbc:postgresql: or jdbc:h2: URL, got: " + redacted(jdbcUrl));
    }
    if (isH2(jdbcUrl) && !jdbcUrl.toUpperCase().contains(";MODE=")) {
      jdbcUrl = jdbcUrl + H2_OPTIONS;
      if (jdbcUrl.startsWith("jdbc:h2:file:")) {
        // Lets the operator CLI open the file while the service holds it (H2 auto-server mode).
        jdbcUrl = jdbcUrl + ";AUTO_SERVER=TRUE";
      }
    }
    user = user == null ? "" : user;
    if (isH2(jdbcUrl) && user.isBlank()) {
      // The embedded default's user, so that every process opening the file agrees on it.
      user = "sa";
    }
    password = password == null ? "" : password;
    if (maxPoolSize < 1) {
      throw new IllegalArgumentException("maxPoolSize must be 1 or more");
    }
  }

  public static DatabaseSettings embeddedDefault() {
    return new DatabaseSettings(EMBEDDED_DEFAULT_URL, "sa", "", 10);
  }

  public boolean isH2() {
    return isH2(jdbcUrl);
  }

  private static boolean isH2(String url) {
    return url.startsWith("jdbc:h2:");
  }

  /** The URL without its query string, where a password may hide. */
  public static String redacted(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query) + "?…";
  }

  @Override
  public String toString() {
    return "DatabaseSettings[" + redacted(jdbcUrl) + ", user=" + user + "]";
  }
}

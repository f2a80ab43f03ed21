package dev.licensekeys.app;

import dev.licensekeys.persistence.DataAccessException;
import dev.licensekeys.persistence.DatabaseSettings;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns a failure to start (no database, port taken), or of an operator's command, into one line
 * saying what is wrong and how to fix it, and exit code 1; the stack trace only with {@code
 * LOG_LEVEL=debug}. Only a failure of the database is sent to the database settings.
 */
final class StartupFailure {

  private StartupFailure() {}

  static int guard(
      Configuration configuration,
      Map<String, String> environment,
      PrintStream err,
      String failed,
      Supplier<Integer> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      err.println("license-keys " + failed + ": " + explain(configuration, e));
      if ("debug".equalsIgnoreCase(environment.getOrDefault("LOG_LEVEL", ""))) {
        e.printStackTrace(err);
      }
      return Cli.BAD_INPUT;
    }
  }

  private static String explain(Configuration configuration, RuntimeException e) {
    String reason = rootMessage(e);
    String lower = reason.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("address already in use") || lower.contains("bind")) {
      return "port "
          + configuration.port()
          + " is taken ("
          + reason
          + "); set PORT to a free port, or 0 for any.";
    }
    if (!DataAccessException.isDatabaseFailure(e)) {
      return reason + " (" + e.getClass().getName() + "; LOG_LEVEL=debug shows where).";
    }
    if (DataAccessException.isRefusal(e)) {
      // The database was reached: its settings are not what to check.
      return "the database refused it: " + reason + ".";
    }
    return reason
        + ". Check DATABASE_URL ("
        + DatabaseSettings.redacted(configuration.database().jdbcUrl())
        + "), DATABASE_USER and DATABASE_PASSWORD, and that the database is running.";
  }

  /** The innermost cause's message, on one line. */
  static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return message.strip().replaceAll("\\s+", " ");
  }
}

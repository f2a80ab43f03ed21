package dev.licensekeys.app;

import dev.licensekeys.http.PublicRateLimit;
import dev.licensekeys.persistence.DatabaseSettings;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.Map;

/**
 * The service's settings, from the environment: PORT, DATABASE_URL, _USER, _PASSWORD, the public
 * routes' rate limit per client address, PUBLIC_RATE_LIMIT_PER_MINUTE and _BURST, and how long a
 * connection may idle, IDLE_CONNECTION_TIMEOUT_SECONDS; LOG_LEVEL is only checked.
 */
public record Configuration(
    int port,
    DatabaseSettings database,
    PublicRateLimit rateLimit,
    Duration idleConnectionTimeout) {

  public Configuration(int port, DatabaseSettings database) {
    this(port, database, PublicRateLimit.defaults(), DEFAULT_IDLE_CONNECTION_TIMEOUT);
  }

  public static final int DEFAULT_PORT = 8080;

  /**
   * Helidon's own default. Long on purpose: a load balancer in front must close an idle connection
   * before the service does, or it sends a request on a connection being closed.
   */
  public static final Duration DEFAULT_IDLE_CONNECTION_TIMEOUT = Duration.ofMinutes(5);

  /** The settings, or one sentence saying which variable is wrong and how to fix it. */
  public static Either<String, Configuration> fromEnvironment(Map<String, String> environment) {
    // Read by Main before any command; checked here, so that a typo is not silently info.
    String logLevel = environment.getOrDefault("LOG_LEVEL", "").strip();
    if (!logLevel.isEmpty()
        && !logLevel.equalsIgnoreCase("debug")
        && !logLevel.equalsIgnoreCase("info")) {
      return Either.left("LOG_LEVEL must be debug or info (the default), got '" + logLevel + "'");
    }
    String portText = environment.getOrDefault("PORT", "").strip();
    int port = DEFAULT_PORT;
    if (!portText.isEmpty()) {
      if (!portText.matches("[0-9]{1,5}") || Integer.parseInt(portText) > 65535) {
        return Either.left(
            "PORT must be a number from 0 to 65535 (0 picks a free port), got '" + portText + "'");
      }
      port = Integer.parseInt(portText);
    }
    String url = environment.getOrDefault("DATABASE_URL", "").strip();
    try {
      DatabaseSettings database =
          url.isEmpty()
              ? DatabaseSettings.embeddedDefault()
              : new DatabaseSettings(
                  url,
                  environment.getOrDefault("DATABASE_USER", ""),
                  environment.getOrDefault("DATABASE_PASSWORD", ""),
                  10);
      String perMinute = environment.getOrDefault("PUBLIC_RATE_LIMIT_PER_MINUTE", "6000").strip();
      String burst = environment.getOrDefault("PUBLIC_RATE_LIMIT_BURST", "600").strip();
      if (!perMinute.matches("[1-9][0-9]{0,8}") || !burst.matches("[1-9][0-9]{0,8}")) {
        return Either.left(
            "PUBLIC_RATE_LIMIT_PER_MINUTE and PUBLIC_RATE_LIMIT_BURST must be whole numbers from 1,"
                + " got '"
                + perMinute
                + "' and '"
                + burst
                + "'");
      }
      String idle =
          environment
              .getOrDefault(
                  "IDLE_CONNECTION_TIMEOUT_SECONDS",
                  String.valueOf(DEFAULT_IDLE_CONNECTION_TIMEOUT.toSeconds()))
              .strip();
      if (!idle.matches("[1-9][0-9]{0,4}") || Integer.parseInt(idle) > 86_400) {
        return Either.left(
            "IDLE_CONNECTION_TIMEOUT_SECONDS must be a whole number of seconds from 1 to 86400,"
                + " got '"
                + idle
                + "'");
      }
      return Either.right(
          new Configuration(
              port,
              database,
              new PublicRateLimit(Integer.parseInt(perMinute), Integer.parseInt(burst)),
              Duration.ofSeconds(Integer.parseInt(idle))));
    } catch (IllegalArgumentException e) {
      return Either.left(e.getMessage());
    }
  }
}

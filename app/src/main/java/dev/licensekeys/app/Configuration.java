package dev.licensekeys.app;

import dev.licensekeys.persistence.DatabaseSettings;
import io.vavr.control.Either;
import java.util.Map;

/** The service's settings, from the environment: PORT, DATABASE_URL, _USER, _PASSWORD. */
public record Configuration(int port, DatabaseSettings database) {

  public static final int DEFAULT_PORT = 8080;

  /** The settings, or one sentence saying which variable is wrong and how to fix it. */
  public static Either<String, Configuration> fromEnvironment(Map<String, String> environment) {
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
      return Either.right(new Configuration(port, database));
    } catch (IllegalArgumentException e) {
      return Either.left(e.getMessage());
    }
  }
}

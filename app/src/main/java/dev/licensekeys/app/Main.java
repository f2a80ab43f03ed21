package dev.licensekeys.app;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.logging.LogManager;

/** {@code java -jar app/target/license-keys.jar}: serves until stopped. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    quietLibraryLogs();
    Configuration configuration =
        Configuration.fromEnvironment(System.getenv())
            .getOrElseGet(
                problem -> {
                  System.err.println("license-keys: " + problem);
                  System.exit(1);
                  return null;
                });
    Application application;
    try {
      application = Application.start(configuration, Clock.systemUTC(), System.out);
    } catch (RuntimeException e) {
      System.err.println("license-keys could not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(application::close, "shutdown"));
  }

  private static void quietLibraryLogs() {
    if (System.getProperty("java.util.logging.config.file") != null) {
      return;
    }
    try (InputStream config = Main.class.getResourceAsStream("/logging.properties")) {
      LogManager.getLogManager().readConfiguration(config);
    } catch (IOException e) {
      System.err.println("license-keys: could not read logging.properties: " + e.getMessage());
    }
  }
}

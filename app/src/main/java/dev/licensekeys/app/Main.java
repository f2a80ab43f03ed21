package dev.licensekeys.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/** {@code java -jar app/target/license-keys.jar [command]}: no command serves until stopped. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    configureLogging(System.getenv("LOG_LEVEL"));
    int code = Cli.run(args, System.getenv(), System.out, System.err);
    System.exit(code);
  }

  /** Libraries speak up only when it matters, unless LOG_LEVEL=debug asks for everything. */
  private static void configureLogging(String level) {
    if (System.getProperty("java.util.logging.config.file") != null) {
      return;
    }
    try (InputStream config = Main.class.getResourceAsStream("/logging.properties")) {
      LogManager.getLogManager().readConfiguration(config);
    } catch (IOException e) {
      System.err.println("license-keys: could not read logging.properties: " + e.getMessage());
    }
    if ("debug".equalsIgnoreCase(level)) {
      Logger.getLogger("").setLevel(Level.FINE);
      Logger.getLogger("com.zaxxer.hikari").setLevel(Level.FINE);
    }
  }
}

package dev.licensekeys.persistence;

import dev.licensekeys.domain.fixtures.OutPorts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The two databases the contracts run against: an H2 file under target/, opened once per test JVM,
 * and the PostgreSQL at {@code LICENSE_KEYS_TEST_PG_URL} (default: database {@code test} at
 * 127.0.0.1:5432, user {@code postgres}). Without PostgreSQL its tests are skipped loudly, but
 * under {@code CI=true} they fail.
 */
final class TestDatabases {

  static final String PG_URL =
      env("LICENSE_KEYS_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String PG_USER = env("LICENSE_KEYS_TEST_PG_USER", "postgres");
  static final String PG_PASSWORD = env("LICENSE_KEYS_TEST_PG_PASSWORD", "");

  private static Database h2;
  private static Database postgres;
  private static String postgresProblem;

  private TestDatabases() {}

  static synchronized Database h2() {
    if (h2 == null) {
      h2 = Database.open(h2Settings(newH2File()));
    }
    return h2;
  }

  static synchronized Database postgres() {
    if (postgres == null && postgresProblem == null) {
      try {
        postgres = Database.open(postgresSettings());
      } catch (RuntimeException e) {
        postgresProblem = e.getMessage();
      }
    }
    if (postgres == null) {
      String unreachable =
          "PostgreSQL is not reachable at " + PG_URL + " (" + postgresProblem + ")";
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail(unreachable + ", and CI=true needs it: run scripts/ensure-postgres.sh.");
      }
      String message =
          unreachable + ": its tests are SKIPPED. Start it, or set LICENSE_KEYS_TEST_PG_URL.";
      System.err.println("\n*** " + message + " ***\n");
      Assumptions.abort(message);
    }
    return postgres;
  }

  static DatabaseSettings postgresSettings() {
    return new DatabaseSettings(PG_URL, PG_USER, PG_PASSWORD, 10);
  }

  static Path newH2File() {
    return Path.of("target", "h2", "test-" + UUID.randomUUID()).toAbsolutePath();
  }

  static DatabaseSettings h2Settings(Path file) {
    return new DatabaseSettings("jdbc:h2:file:" + file, "sa", "", 10);
  }

  /**
   * An H2 database without the pool, migrations or compaction that {@link Database#open} brings.
   */
  static DataSource unpooled(DatabaseSettings settings) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(settings.jdbcUrl());
    h2.setUser(settings.user());
    return h2;
  }

  /**
   * The shared database a parameterized test names ({@code "h2"} or {@code "postgresql"}), emptied.
   */
  static Database emptiedDatabase(String which) {
    Database database = which.equals("h2") ? h2() : postgres();
    truncateAll(database);
    return database;
  }

  /** Every out-port over {@code database}, after emptying it. */
  static OutPorts emptied(Database database) {
    truncateAll(database);
    JdbcAdapters adapters = JdbcAdapters.over(database);
    return new OutPorts(
        adapters.licenseKeys(),
        adapters.instances(),
        adapters.customers(),
        adapters.products(),
        adapters.auditTrail(),
        adapters.ids(),
        adapters.bulkImports());
  }

  static void truncateAll(Database database) {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      for (String table :
          new String[] {
            "audit_event_changes",
            "audit_events",
            "license_key_instances",
            "license_key_states",
            "license_keys",
            "customers",
            "products",
            "api_keys",
            "idempotency_records"
          }) {
        statement.executeUpdate("DELETE FROM " + table);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not empty the test database", e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}

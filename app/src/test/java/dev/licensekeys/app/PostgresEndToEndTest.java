package dev.licensekeys.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.persistence.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PostgresEndToEndTest extends EndToEndContract {

  static final String URL =
      System.getenv()
          .getOrDefault("LICENSE_KEYS_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String USER = System.getenv().getOrDefault("LICENSE_KEYS_TEST_PG_USER", "postgres");
  static final String PASSWORD = System.getenv().getOrDefault("LICENSE_KEYS_TEST_PG_PASSWORD", "");

  @Override
  protected Configuration configuration() {
    emptyDatabase();
    return new Configuration(0, new DatabaseSettings(URL, USER, PASSWORD, 10));
  }

  @Test
  void aPostgresDatabaseIsNeverSeeded() {
    assertThat(printed.toString()).doesNotContain("Demo API key");
    assertThat(application.adapters().apiKeys().list(DemoSeed.BUSINESS)).isEmpty();
  }

  static void emptyDatabase() {
    try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute(
          "DROP TABLE IF EXISTS audit_event_changes, audit_events, license_key_instances,"
              + " license_key_states, license_keys, customers, products, api_keys, idempotency_records, flyway_schema_history CASCADE");
    } catch (SQLException e) {
      String message = "PostgreSQL is not reachable at " + URL + " (" + e.getMessage() + ")";
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail(message + ", and CI=true needs it: run scripts/ensure-postgres.sh.");
      }
      System.err.println(
          "\n*** " + message + ": the PostgreSQL end-to-end tests are SKIPPED ***\n");
      Assumptions.abort(message);
    }
  }
}

package dev.licensekeys.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PostgresCliTest extends CliContract {

  @Override
  protected Map<String, String> database() {
    PostgresEndToEndTest.emptyDatabase();
    return Map.of(
        "DATABASE_URL", PostgresEndToEndTest.URL,
        "DATABASE_USER", PostgresEndToEndTest.USER,
        "DATABASE_PASSWORD", PostgresEndToEndTest.PASSWORD);
  }

  /**
   * The race the import's own checks cannot see: another writer's key takes one of the file's ids
   * after the import read them. PostgreSQL makes the import's insert wait for that writer, which
   * lets the test commit it at that moment.
   */
  @Test
  void anIdAnotherWriterTakesWhileTheImportRunsEndsInOneLineAndImportsNothing() throws Exception {
    String id = newKeyId();
    Path file = file(CUSTOMER_AND_PRODUCT_LINES, keyLine(newKeyId(), "-1"), keyLine(id, "-2"));
    withAdapters(migrated -> migrated);
    ExecutorService importer = Executors.newSingleThreadExecutor();
    try (Connection writer = connect();
        Connection watcher = connect()) {
      writer.setAutoCommit(false);
      insertKey(writer, id, business + "-theirs");
      Future<Integer> importing =
          importer.submit(() -> run("import", file.toString(), "--business", business));
      awaitOneWaitingForALock(watcher);
      writer.commit();

      assertThat(importing.get(1, TimeUnit.MINUTES)).isEqualTo(1);
    } finally {
      importer.shutdownNow();
    }
    assertThat(err.toString())
        .contains("nothing imported: another writer stored a key with one of this file's ids")
        .contains(id)
        .doesNotContain("Check DATABASE_URL");
    assertThat(
            this.<Boolean>withAdapters(a -> a.licenseKeys().findByKey(business + "-1").isEmpty()))
        .isTrue();
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        PostgresEndToEndTest.URL, PostgresEndToEndTest.USER, PostgresEndToEndTest.PASSWORD);
  }

  private void insertKey(Connection connection, String id, String keyString) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO license_keys (id, business_id, brand_id, customer_id, product_id,"
                + " license_key, source, created_at)"
                + " VALUES (?, ?, 'brnd_1', 'cus_1', 'pdt_1', ?, 'import', CURRENT_TIMESTAMP)")) {
      insert.setString(1, id);
      insert.setString(2, business);
      insert.setString(3, keyString);
      insert.executeUpdate();
    }
  }

  private static void awaitOneWaitingForALock(Connection watcher) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (waitingForALock(watcher) == 0) {
      assertThat(System.nanoTime()).as("the import's insert waits").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private static int waitingForALock(Connection watcher) throws SQLException {
    try (PreparedStatement query =
            watcher.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity"
                    + " WHERE wait_event_type = 'Lock' AND datname = current_database()");
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getInt(1);
    }
  }
}

package dev.licensekeys.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that fails for want of space makes H2 close the database for good. Once the disk has room
 * again, the pool opens the file again, and the compaction follows it to its new store.
 */
class H2FullDiskTest {

  @TempDir Path dir;

  @Test
  void onceTheDiskHasRoomAgainTheDatabaseIsOpenedAgain() throws Exception {
    FullDisk.register();
    Database database =
        Database.open(
            new DatabaseSettings(
                "jdbc:h2:" + FullDisk.SCHEME + ":" + dir.resolve("full"), "sa", "", 4));
    try {
      execute(database, "CREATE TABLE t (x INTEGER)");
      execute(database, "INSERT INTO t VALUES (1)");

      FullDisk.FULL.set(true);
      assertThatThrownBy(() -> execute(database, "INSERT INTO t VALUES (2)"))
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> execute(database, "INSERT INTO t VALUES (3)"))
          .isInstanceOf(SQLException.class);
      FullDisk.FULL.set(false);

      awaitTrue(() -> succeeds(database, "INSERT INTO t VALUES (4)"));
      assertThat(count(database, "SELECT COUNT(*) FROM t WHERE x IN (1, 4)")).isEqualTo(2);
      awaitTrue(() -> compactsTheStoreInUse(database));
    } finally {
      FullDisk.FULL.set(false);
      database.close();
    }
  }

  private static void execute(Database database, String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static boolean succeeds(Database database, String sql) {
    try {
      execute(database, sql);
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static long count(Database database, String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("still not so after 20 s").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static boolean compactsTheStoreInUse(Database database) {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("SELECT 1");
      MVStore current = H2FileCompaction.fileStoreOf(connection).orElseThrow();
      return database.compaction().orElseThrow().compacts(current);
    } catch (SQLException e) {
      return false;
    }
  }
}

package dev.licensekeys.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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
    List<String> compactionLog = new CopyOnWriteArrayList<>();
    Logger compaction = Logger.getLogger(H2FileCompaction.class.getName());
    Handler capture = capturing(compactionLog);
    compaction.addHandler(capture);
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
      awaitTrue(() -> compactionLog.stream().anyMatch(line -> line.contains("works again")));
    } finally {
      FullDisk.FULL.set(false);
      database.close();
      compaction.removeHandler(capture);
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

  private static Handler capturing(List<String> lines) {
    return new Handler() {
      @Override
      public void publish(LogRecord record) {
        lines.add(record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }
}

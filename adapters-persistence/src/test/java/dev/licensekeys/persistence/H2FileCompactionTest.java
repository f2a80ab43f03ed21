package dev.licensekeys.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With every commit written at once, H2 leaves chunks that keep a few live pages each; the
 * compaction rewrites those pages so that the chunks' space can be reused.
 */
class H2FileCompactionTest {

  private static final int ROWS = 3_000;

  @TempDir Path dir;

  @Test
  void compactionLeavesTheFileMostlyLive() throws Exception {
    DataSource dataSource = fileDataSource();
    try (Connection connection = dataSource.getConnection()) {
      churn(connection);
      MVStore store = storeOf(connection);
      assertThat(store.getFileStore().getChunksFillRate()).isLessThan(50);

      H2FileCompaction compaction = H2FileCompaction.start(dataSource).orElseThrow();
      try {
        // Rewritten pages reach the file with the next commit, as they do under load.
        for (int i = 0; i < 100 && store.getFileStore().getChunksFillRate() < 80; i++) {
          Thread.sleep(100);
          commitOneChange(connection);
        }
      } finally {
        compaction.close();
      }

      assertThat(store.getFileStore().getChunksFillRate()).isGreaterThanOrEqualTo(80);
      assertRowsIntact(connection);
    }
  }

  @Test
  void withoutItTheFileStaysMostlyDead() throws Exception {
    try (Connection connection = fileDataSource().getConnection()) {
      churn(connection);
      MVStore store = storeOf(connection);
      for (int i = 0; i < 20; i++) {
        Thread.sleep(100);
        commitOneChange(connection);
      }

      assertThat(store.getFileStore().getChunksFillRate()).isLessThan(50);
    }
  }

  @Test
  void aDatabaseWithoutAFileIsLeftAlone() {
    DataSource dataSource =
        TestDatabases.unpooled(
            new DatabaseSettings("jdbc:h2:mem:compaction;DB_CLOSE_DELAY=-1", "sa", "", 1));

    Optional<H2FileCompaction> compaction = H2FileCompaction.start(dataSource);

    assertThat(compaction).isEmpty();
  }

  private DataSource fileDataSource() {
    return TestDatabases.unpooled(TestDatabases.h2Settings(dir.resolve("churn")));
  }

  /**
   * Many small commits, as the service writes them, on a connection that stays open (H2 compacts a
   * file when its last connection closes). Old chunks are reused at once (retention 0) so that the
   * test waits for the compaction, not for H2's 45 s of retention.
   */
  private static void churn(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET RETENTION_TIME 0");
      statement.execute("CREATE TABLE churn (id INTEGER PRIMARY KEY, n INTEGER, pad VARCHAR(200))");
      try (PreparedStatement insert =
              connection.prepareStatement("INSERT INTO churn VALUES (?, 0, REPEAT('x', 150))");
          PreparedStatement update =
              connection.prepareStatement("UPDATE churn SET n = n + 1 WHERE id = ?")) {
        for (int id = 0; id < ROWS; id++) {
          insert.setInt(1, id);
          insert.executeUpdate();
          update.setInt(1, id);
          update.executeUpdate();
        }
      }
    }
  }

  private static MVStore storeOf(Connection connection) throws SQLException {
    return H2FileCompaction.fileStoreOf(connection).orElseThrow();
  }

  private static void commitOneChange(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("UPDATE churn SET pad = pad WHERE id = 0");
    }
  }

  private static void assertRowsIntact(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery("SELECT COUNT(*), SUM(n), MIN(LENGTH(pad)) FROM churn")) {
      row.next();
      assertThat(row.getInt(1)).isEqualTo(ROWS);
      assertThat(row.getLong(2)).isEqualTo(ROWS);
      assertThat(row.getInt(3)).isEqualTo(150);
    }
  }
}

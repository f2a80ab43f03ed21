package dev.licensekeys.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLongArray;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A power cut loses no commit that returned (DurableFiles). The disk is PowerCut's, which keeps
 * only what was written synchronously or synced. Writers commit steps; a second in, the power is
 * cut under them; the file as the disk holds it then must open and hold every step that was
 * acknowledged. The same load on a file H2 writes plainly loses them, so the check can fail.
 */
class H2PowerCutTest {

  private static final int WRITERS = 4;

  /** As Database opens H2 (DatabaseSettings), so that each file is read with the names it has. */
  private static final String SAME_NAMES = ";DATABASE_TO_LOWER=TRUE";

  @TempDir Path dir;

  @Test
  void aPowerCutLosesNoCommitThatReturned() throws Exception {
    PowerCut.register();
    Database database =
        Database.open(new DatabaseSettings(url("jdbc:h2:durable:powerCut:", "cut"), "sa", "", 4));
    Cut cut;
    try {
      cut = commitStepsThenCut(database.dataSource());
    } finally {
      database.close();
    }

    AtomicLongArray acknowledged = cut.acknowledged();
    long[] stored = stepsAfterTheCut(cut.onDisk());
    for (int writer = 0; writer < WRITERS; writer++) {
      assertThat(acknowledged.get(writer))
          .as("steps acknowledged to writer %d", writer)
          .isPositive();
      assertThat(stored[writer])
          .as("steps of writer %d on the disk after the cut", writer)
          .isGreaterThanOrEqualTo(acknowledged.get(writer));
    }
  }

  @Test
  void aFileH2WritesPlainlyLosesAcknowledgedCommits() throws Exception {
    PowerCut.register();
    JdbcDataSource plain = new JdbcDataSource();
    plain.setURL(url("jdbc:h2:powerCut:", "plain") + SAME_NAMES + ";WRITE_DELAY=0");
    plain.setUser("sa");
    Cut cut;
    // Held open, so that H2 keeps the database open between the writers' connections.
    try (Connection keepsItOpen = plain.getConnection()) {
      cut = commitStepsThenCut(plain);
    }

    AtomicLongArray acknowledged = cut.acknowledged();
    long[] stored = stepsAfterTheCut(cut.onDisk());
    long lost = 0;
    for (int writer = 0; writer < WRITERS; writer++) {
      lost += Math.max(0, acknowledged.get(writer) - stored[writer]);
    }
    assertThat(lost).as("acknowledged steps missing after the cut").isPositive();
  }

  private String url(String prefix, String name) {
    return prefix + dir.resolve(name);
  }

  /** What the writers were told had committed, and the files as the disk held them after. */
  private record Cut(AtomicLongArray acknowledged, Map<String, byte[]> onDisk) {}

  /**
   * Each writer commits steps 1, 2, 3 ... of its own counter, each step one transaction that sets
   * the counter and adds the step's row; after a second the power is cut under them.
   */
  private static Cut commitStepsThenCut(DataSource dataSource) throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE counters (writer INTEGER PRIMARY KEY, n BIGINT NOT NULL)");
      statement.execute("CREATE TABLE steps (writer INTEGER, n BIGINT, PRIMARY KEY (writer, n))");
      statement.execute("INSERT INTO counters VALUES (0, 0), (1, 0), (2, 0), (3, 0)");
      // The tables are on the disk before the load, on either kind of file: only the load's
      // commits are in question.
      statement.execute("CHECKPOINT SYNC");
    }
    AtomicLongArray acknowledged = new AtomicLongArray(WRITERS);
    List<Throwable> failuresBeforeTheCut = new CopyOnWriteArrayList<>();
    List<Thread> writers = new ArrayList<>();
    for (int writer = 0; writer < WRITERS; writer++) {
      int self = writer;
      writers.add(
          Thread.ofPlatform()
              .start(() -> commitSteps(dataSource, self, acknowledged, failuresBeforeTheCut)));
    }
    Thread.sleep(1_000);
    Map<String, byte[]> onDisk = PowerCut.cut();
    for (Thread writer : writers) {
      writer.join();
    }
    assertThat(failuresBeforeTheCut).isEmpty();
    return new Cut(acknowledged, onDisk);
  }

  private static void commitSteps(
      DataSource dataSource, int writer, AtomicLongArray acknowledged, List<Throwable> failures) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement count =
            connection.prepareStatement("UPDATE counters SET n = ? WHERE writer = ?");
        PreparedStatement step = connection.prepareStatement("INSERT INTO steps VALUES (?, ?)")) {
      connection.setAutoCommit(false);
      for (long n = 1; !PowerCut.isCut(); n++) {
        count.setLong(1, n);
        count.setInt(2, writer);
        count.executeUpdate();
        step.setInt(1, writer);
        step.setLong(2, n);
        step.executeUpdate();
        connection.commit();
        acknowledged.set(writer, n);
      }
    } catch (SQLException e) {
      if (!PowerCut.isCut()) {
        failures.add(e);
      }
    }
  }

  /**
   * Opens the store's file as the disk held it after the cut, and answers each writer's counter;
   * every step up to it must be there too, as each step was one transaction.
   */
  private long[] stepsAfterTheCut(Map<String, byte[]> onDisk) throws Exception {
    List<byte[]> stores =
        onDisk.entrySet().stream()
            .filter(file -> file.getKey().endsWith(".mv.db"))
            .map(Map.Entry::getValue)
            .toList();
    assertThat(stores).hasSize(1);
    Path after = Files.createDirectories(dir.resolve("after"));
    Files.write(after.resolve("db.mv.db"), stores.getFirst());
    long[] counters = new long[WRITERS];
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:h2:file:" + after.resolve("db") + SAME_NAMES, "sa", "");
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT c.writer, c.n, COUNT(s.n), COALESCE(MAX(s.n), 0) FROM counters c"
                    + " LEFT JOIN steps s ON s.writer = c.writer GROUP BY c.writer, c.n")) {
      while (rows.next()) {
        int writer = rows.getInt(1);
        counters[writer] = rows.getLong(2);
        assertThat(rows.getLong(3)).as("steps of writer %d", writer).isEqualTo(counters[writer]);
        assertThat(rows.getLong(4))
            .as("last step of writer %d", writer)
            .isEqualTo(counters[writer]);
      }
    }
    return counters;
  }
}

package dev.licensekeys.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.port.out.IdempotencyRecords.Claim;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpiredIdempotencyRecordsTest {

  private static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void answersOlderThanADayAreDeletedInBatchesAndYoungerOnesKept(String which) throws Exception {
    Database database = TestDatabases.emptiedDatabase(which);
    JdbcIdempotencyRecords records = JdbcAdapters.over(database).idempotencyRecords();
    Instant dayAndAnHourAgo = NOW.minus(Duration.ofHours(25));
    for (String key : new String[] {"old-1", "old-2", "old-3"}) {
      records.claim("public", key, "f".repeat(64), dayAndAnHourAgo);
      records.complete("public", key, 201, "{}".getBytes());
    }
    records.claim("public", "abandoned", "f".repeat(64), dayAndAnHourAgo);
    records.claim("public", "recent", "f".repeat(64), NOW.minus(Duration.ofHours(23)));
    records.complete("public", "recent", 201, "{\"kept\":true}".getBytes());

    int deleted = records.deleteExpired(NOW, 3);

    assertThat(deleted).isEqualTo(4);
    assertThat(keys(database)).containsExactly("recent");
    assertThat(records.claim("public", "recent", "f".repeat(64), NOW))
        .isInstanceOfSatisfying(
            Claim.Replay.class, replay -> assertThat(replay.body()).asString().contains("kept"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void theTimerDeletesThemWithoutBeingAsked(String which) throws Exception {
    Database database = TestDatabases.emptiedDatabase(which);
    JdbcIdempotencyRecords records = JdbcAdapters.over(database).idempotencyRecords();
    records.claim("public", "old", "f".repeat(64), NOW.minus(Duration.ofDays(2)));
    records.claim("public", "recent", "f".repeat(64), NOW);

    try (ExpiredIdempotencyRecords expiry =
        ExpiredIdempotencyRecords.start(
            records, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMillis(50))) {
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (keys(database).contains("old") && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    }

    assertThat(keys(database)).containsExactly("recent");
  }

  private static java.util.List<String> keys(Database database) throws SQLException {
    java.util.List<String> keys = new java.util.ArrayList<>();
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT idem_key FROM idempotency_records")) {
      while (rows.next()) {
        keys.add(rows.getString(1));
      }
    }
    return keys;
  }
}

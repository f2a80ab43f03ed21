package dev.licensekeys.persistence;

import dev.licensekeys.domain.port.out.IdempotencyRecords;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Idempotency records in one table. A claim is an INSERT, so two processes racing for one key meet
 * at the primary key: one claims, the other sees the claim.
 */
public final class JdbcIdempotencyRecords implements IdempotencyRecords {

  static final Duration KEPT = Duration.ofDays(1);
  static final Duration ABANDONED_AFTER = Duration.ofSeconds(60);

  private final Transactions transactions;

  JdbcIdempotencyRecords(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public Claim claim(String scope, String key, String fingerprint, Instant now) {
    return transactions.againAfterAnInsertRace(
        "claiming an idempotency key", c -> claimOnce(c, scope, key, fingerprint, now));
  }

  private static Claim claimOnce(
      Connection connection, String scope, String key, String fingerprint, Instant now)
      throws SQLException {
    try (PreparedStatement forget =
        connection.prepareStatement(
            "DELETE FROM idempotency_records WHERE scope = ? AND idem_key = ?"
                + " AND (claimed_at < ? OR (status IS NULL AND claimed_at < ? AND fingerprint = ?))")) {
      forget.setString(1, scope);
      forget.setString(2, key);
      Sql.setInstant(forget, 3, now.minus(KEPT));
      Sql.setInstant(forget, 4, now.minus(ABANDONED_AFTER));
      forget.setString(5, fingerprint);
      forget.executeUpdate();
    }
    try (PreparedStatement existing =
        connection.prepareStatement(
            "SELECT fingerprint, status, body FROM idempotency_records WHERE scope = ? AND idem_key = ?")) {
      existing.setString(1, scope);
      existing.setString(2, key);
      try (ResultSet row = existing.executeQuery()) {
        if (row.next()) {
          if (!row.getString("fingerprint").trim().equals(fingerprint)) {
            return new Claim.Mismatch();
          }
          int status = row.getInt("status");
          if (row.wasNull()) {
            return new Claim.InProgress();
          }
          String body = row.getString("body");
          return new Claim.Replay(
              status, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO idempotency_records (scope, idem_key, fingerprint, claimed_at) VALUES (?, ?, ?, ?)")) {
      insert.setString(1, scope);
      insert.setString(2, key);
      insert.setString(3, fingerprint);
      Sql.setInstant(insert, 4, now);
      insert.executeUpdate();
    }
    return new Claim.Claimed();
  }

  /**
   * Deletes the records older than {@link #KEPT}, {@code batch} at a time, each batch a transaction
   * of its own (so that no long one holds locks), oldest first; returns how many were deleted.
   */
  public int deleteExpired(Instant now, int batch) {
    int deleted = 0;
    int last;
    do {
      last =
          transactions.inTransaction(
              "deleting expired idempotency records",
              connection -> {
                try (PreparedStatement delete =
                    connection.prepareStatement(
                        "DELETE FROM idempotency_records WHERE (scope, idem_key) IN (SELECT scope,"
                            + " idem_key FROM idempotency_records WHERE claimed_at < ? ORDER BY"
                            + " claimed_at LIMIT ?)")) {
                  Sql.setInstant(delete, 1, now.minus(KEPT));
                  delete.setInt(2, batch);
                  return delete.executeUpdate();
                }
              });
      deleted += last;
    } while (last == batch);
    return deleted;
  }

  @Override
  public void complete(String scope, String key, int status, byte[] body) {
    transactions.inTransaction(
        "completing an idempotency key",
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE idempotency_records SET status = ?, body = ? WHERE scope = ? AND idem_key = ?")) {
            update.setInt(1, status);
            update.setString(2, new String(body, StandardCharsets.UTF_8));
            update.setString(3, scope);
            update.setString(4, key);
            return update.executeUpdate();
          }
        });
  }

  @Override
  public void release(String scope, String key) {
    transactions.inTransaction(
        "releasing an idempotency key",
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement(
                  "DELETE FROM idempotency_records WHERE scope = ? AND idem_key = ? AND status IS NULL")) {
            delete.setString(1, scope);
            delete.setString(2, key);
            return delete.executeUpdate();
          }
        });
  }
}

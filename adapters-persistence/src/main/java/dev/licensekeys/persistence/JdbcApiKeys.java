package dev.licensekeys.persistence;

import dev.licensekeys.domain.model.ApiKey;
import dev.licensekeys.domain.port.out.ApiKeys;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;

/** API keys by the hash of their secret; the secret itself is never given to this class. */
public final class JdbcApiKeys implements ApiKeys {

  private static final String SELECT =
      "SELECT id, business_id, brand_id, name, secret_hash, created_at, last_used_at, revoked_at"
          + " FROM api_keys";

  /** Hashes in one lookup at most. */
  static final int MAX_GROUP = 128;

  private final Transactions transactions;
  private final Groups<String, Option<ApiKey>> bySecretHash =
      new Groups<>(MAX_GROUP, this::findAll);

  JdbcApiKeys(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void add(ApiKey apiKey) {
    transactions.inTransaction(
        "adding an API key",
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO api_keys (id, business_id, brand_id, name, secret_hash,"
                      + " created_at, last_used_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, apiKey.id());
            insert.setString(2, apiKey.businessId());
            Sql.setText(insert, 3, apiKey.brandId());
            insert.setString(4, apiKey.name());
            insert.setString(5, apiKey.secretHash());
            Sql.setInstant(insert, 6, apiKey.createdAt());
            Sql.setInstant(insert, 7, apiKey.lastUsedAt());
            Sql.setInstant(insert, 8, apiKey.revokedAt());
            return insert.executeUpdate();
          }
        });
  }

  /**
   * Every request's lookup, grouped under load like the reads of keys ({@link Groups}): one query
   * for the hashes that wait together, started after each of them was asked, so that a revocation
   * committed before a request began is in the key this returns for it.
   */
  @Override
  public Option<ApiKey> findBySecretHash(String secretHash) {
    return bySecretHash.submit(secretHash);
  }

  /** How many lookups wait for their turn; for tests. */
  int waiting() {
    return bySecretHash.waiting();
  }

  private void findAll(java.util.List<Groups.Item<String, Option<ApiKey>>> group) {
    Seq<ApiKey> found =
        transactions.read(
            "finding API keys",
            connection -> {
              try (PreparedStatement query =
                  Sql.inList(
                      connection,
                      SELECT + " WHERE secret_hash",
                      group.stream().map(Groups.Item::value).toList())) {
                return all(query);
              }
            });
    group.forEach(item -> item.succeed(found.find(key -> key.secretHash().equals(item.value()))));
  }

  @Override
  public Seq<ApiKey> list(String businessId) {
    return transactions.read(
        "listing API keys",
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  SELECT + " WHERE business_id = ? ORDER BY created_at, id")) {
            query.setString(1, businessId);
            return all(query);
          }
        });
  }

  @Override
  public void recordUse(String apiKeyId, Instant at) {
    transactions.inTransaction(
        "recording an API key's use",
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement("UPDATE api_keys SET last_used_at = ? WHERE id = ?")) {
            Sql.setInstant(update, 1, at);
            update.setString(2, apiKeyId);
            return update.executeUpdate();
          }
        });
  }

  @Override
  public Option<ApiKey> revoke(String apiKeyId, Instant at) {
    return transactions.inTransaction(
        "revoking an API key",
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
            Sql.setInstant(update, 1, at);
            update.setString(2, apiKeyId);
            if (update.executeUpdate() == 0) {
              return Option.<ApiKey>none();
            }
          }
          try (PreparedStatement query = connection.prepareStatement(SELECT + " WHERE id = ?")) {
            query.setString(1, apiKeyId);
            return all(query).headOption();
          }
        });
  }

  private static Seq<ApiKey> all(PreparedStatement query) throws SQLException {
    java.util.List<ApiKey> keys = new ArrayList<>();
    try (ResultSet row = query.executeQuery()) {
      while (row.next()) {
        keys.add(
            new ApiKey(
                row.getString("id"),
                row.getString("business_id"),
                Sql.optionalText(row, "brand_id"),
                row.getString("name"),
                row.getString("secret_hash").trim(),
                Sql.instant(row, "created_at"),
                Sql.optionalInstant(row, "last_used_at"),
                Sql.optionalInstant(row, "revoked_at")));
      }
    }
    return List.ofAll(keys);
  }
}

package dev.licensekeys.persistence;

import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.Customer;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.Product;
import dev.licensekeys.domain.port.out.BulkImports;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * A whole import in one transaction, written in JDBC batches: which key strings exist is asked a
 * thousand at a time, and rows are inserted a thousand at a time.
 */
public final class JdbcBulkImports implements BulkImports {

  static final int BATCH = 1_000;

  private final Transactions transactions;

  JdbcBulkImports(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public Either<Seq<String>, Imported> importAll(
      String businessId,
      Seq<Customer> customers,
      Seq<Product> products,
      Seq<LicenseKey> keys,
      Instant at,
      IntConsumer progress) {
    return transactions.inTransaction(
        "importing",
        connection -> {
          Map<String, String> owners = ownersOf(connection, keys.map(LicenseKey::key));
          Seq<String> taken =
              keys.map(LicenseKey::key)
                  .filter(key -> owners.containsKey(key) && !owners.get(key).equals(businessId));
          if (!taken.isEmpty()) {
            return Either.left(taken);
          }
          for (Customer customer : customers) {
            upsertCustomer(connection, customer);
          }
          for (Product product : products) {
            upsertProduct(connection, product);
          }
          Seq<LicenseKey> fresh = keys.filter(key -> !owners.containsKey(key.key()));
          insertKeys(connection, fresh, at, progress);
          progress.accept(keys.size());
          return Either.right(
              new Imported(
                  customers.size(), products.size(), fresh.size(), keys.size() - fresh.size()));
        });
  }

  /** The business of each key string that is already stored. */
  private static Map<String, String> ownersOf(Connection connection, Seq<String> keyStrings)
      throws SQLException {
    Map<String, String> owners = new HashMap<>();
    for (Seq<String> chunk : keyStrings.grouped(BATCH)) {
      String placeholders = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement query =
          connection.prepareStatement(
              "SELECT license_key, business_id FROM license_keys WHERE license_key IN ("
                  + placeholders
                  + ")")) {
        int index = 1;
        for (String key : chunk) {
          query.setString(index++, key);
        }
        try (ResultSet row = query.executeQuery()) {
          while (row.next()) {
            owners.put(row.getString(1), row.getString(2));
          }
        }
      }
    }
    return owners;
  }

  private static void insertKeys(
      Connection connection, Seq<LicenseKey> keys, Instant at, IntConsumer progress)
      throws SQLException {
    int done = 0;
    Set<String> seen = new HashSet<>();
    for (Seq<LicenseKey> chunk : keys.filter(key -> seen.add(key.key())).grouped(BATCH)) {
      JdbcLicenseKeys.insertAll(connection, chunk);
      AuditEventRows.insertAll(
          connection, chunk.map(key -> AuditEvent.keyCreated(key, at, Option.none())));
      done += chunk.size();
      progress.accept(done);
    }
  }

  private static void upsertCustomer(Connection connection, Customer customer) throws SQLException {
    Upsert.inConnection(
        connection,
        "UPDATE customers SET name = ?, email = ? WHERE business_id = ? AND id = ?",
        "INSERT INTO customers (name, email, business_id, id) VALUES (?, ?, ?, ?)",
        statement -> {
          statement.setString(1, customer.name());
          statement.setString(2, customer.email());
          statement.setString(3, customer.businessId());
          statement.setString(4, customer.id());
        });
  }

  private static void upsertProduct(Connection connection, Product product) throws SQLException {
    Upsert.inConnection(
        connection,
        "UPDATE products SET brand_id = ?, name = ? WHERE business_id = ? AND id = ?",
        "INSERT INTO products (brand_id, name, business_id, id) VALUES (?, ?, ?, ?)",
        statement -> {
          statement.setString(1, product.brandId());
          Sql.setText(statement, 2, product.name());
          statement.setString(3, product.businessId());
          statement.setString(4, product.id());
        });
  }
}

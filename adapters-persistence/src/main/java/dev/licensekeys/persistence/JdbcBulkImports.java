package dev.licensekeys.persistence;

import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.Customer;
import dev.licensekeys.domain.model.ImportPlan;
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
import java.util.Map;
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
          ImportPlan plan = ImportPlan.of(businessId, keys, key -> Option.of(owners.get(key)));
          if (!plan.taken().isEmpty()) {
            return Either.left(plan.taken());
          }
          for (Customer customer : customers) {
            JdbcCustomers.upsert(connection, customer);
          }
          for (Product product : products) {
            JdbcProducts.upsert(connection, product);
          }
          insertKeys(connection, plan.toAdd(), at, progress);
          progress.accept(keys.size());
          return Either.right(
              new Imported(
                  customers.size(), products.size(), plan.toAdd().size(), plan.alreadyThere()));
        });
  }

  /** The business of each key string that is already stored. */
  private static Map<String, String> ownersOf(Connection connection, Seq<String> keyStrings)
      throws SQLException {
    Map<String, String> owners = new HashMap<>();
    for (Seq<String> chunk : keyStrings.grouped(BATCH)) {
      try (PreparedStatement query =
              Sql.inList(
                  connection,
                  "SELECT license_key, business_id FROM license_keys WHERE license_key",
                  chunk.asJava());
          ResultSet row = query.executeQuery()) {
        while (row.next()) {
          owners.put(row.getString(1), row.getString(2));
        }
      }
    }
    return owners;
  }

  private static void insertKeys(
      Connection connection, Seq<LicenseKey> keys, Instant at, IntConsumer progress)
      throws SQLException {
    int done = 0;
    for (Seq<LicenseKey> chunk : keys.grouped(BATCH)) {
      JdbcLicenseKeys.insertAll(connection, chunk);
      AuditEventRows.insertAll(
          connection, chunk.map(key -> AuditEvent.keyCreated(key, at, Option.none())));
      done += chunk.size();
      progress.accept(done);
    }
  }
}

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
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.logging.Logger;

/**
 * A whole import in one transaction, written in JDBC batches: which key strings exist is asked 250
 * at a time, and rows are inserted a thousand at a time.
 */
public final class JdbcBulkImports implements BulkImports {

  private static final Logger LOG = Logger.getLogger(JdbcBulkImports.class.getName());

  static final int BATCH = 1_000;

  /**
   * Key strings and ids asked for at once. H2 finds each by the index, then checks the row against
   * the whole {@code IN} list again, a cost that grows with the list's square: re-importing 100,000
   * keys read 7.3 to 7.7 s with lists of 1,000, 5.9 to 6.1 with 250 (PostgreSQL 6.1 to 6.4, and 4.2
   * to 4.5).
   */
  static final int LOOKUP_BATCH = 250;

  /** The tables an import writes, whose statistics it refreshes afterwards. */
  static final Seq<String> TABLES_WRITTEN =
      io.vavr.collection.List.of(
          "customers", "products", "license_keys", "license_key_states", "audit_events");

  private final Transactions transactions;
  private final boolean analyzesAfterwards;

  /**
   * {@code analyzesAfterwards}: whether the database plans from statistics that only {@code
   * ANALYZE} (or a background daemon, which may be off) brings up to date: PostgreSQL and its kin.
   */
  JdbcBulkImports(Transactions transactions, boolean analyzesAfterwards) {
    this.transactions = transactions;
    this.analyzesAfterwards = analyzesAfterwards;
  }

  @Override
  public Either<Seq<String>, Imported> importAll(
      String businessId,
      Seq<Customer> customers,
      Seq<Product> products,
      Seq<LicenseKey> keys,
      Instant at,
      IntConsumer progress) {
    // Another writer may store one of the import's keys, customers or products between the
    // plan's reads and its inserts (the same file imported twice at once, say). Planned again
    // from what is stored then, the import ends as it would have had that writer come first:
    // its keys for this business are already there, and those for another refuse the import.
    // What outlasts the attempts is no key string the plan sees (an id taken meanwhile). A
    // plan made again counts its progress from its start again.
    Either<Seq<String>, Imported> result =
        transactions.againAfterAnInsertRace(
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
              insertKeys(connection, plan, at, progress);
              return Either.right(
                  new Imported(
                      customers.size(), products.size(), plan.toAdd().size(), plan.alreadyThere()));
            });
    if (analyzesAfterwards && result.exists(imported -> imported.keysAdded() > 0)) {
      refreshStatistics();
    }
    return result;
  }

  /**
   * PostgreSQL plans from statistics that its autovacuum daemon refreshes, when it runs: right
   * after a large import, before they are refreshed, a list filtered by a rare status walked all
   * 100,000 keys of a business (0.3 to 0.5 s a page; 17 to 20 ms after {@code ANALYZE}). The import
   * is committed by now, so a failure here is only a warning.
   */
  private void refreshStatistics() {
    try {
      transactions.read(
          "refreshing statistics after the import",
          connection -> {
            try (Statement statement = connection.createStatement()) {
              for (String table : TABLES_WRITTEN) {
                // One table a statement: CockroachDB's ANALYZE takes no list.
                statement.execute("ANALYZE " + table);
              }
            }
            return null;
          });
    } catch (DataAccessException e) {
      LOG.warning(
          "the import is committed, but ANALYZE failed; lists may be slow until the database"
              + " refreshes its statistics: "
              + e.getMessage());
    }
  }

  /**
   * The key string of each of {@code keyIds} that a stored key has, in any business: an import that
   * brings its own ids checks them before it writes.
   */
  public Map<String, String> keyStringsOf(Seq<String> keyIds) {
    return transactions.read(
        "reading the keys of the import's ids",
        connection ->
            pairs(connection, "SELECT id, license_key FROM license_keys WHERE id", keyIds));
  }

  /** The business of each key string that is already stored. */
  private static Map<String, String> ownersOf(Connection connection, Seq<String> keyStrings)
      throws SQLException {
    return pairs(
        connection,
        "SELECT license_key, business_id FROM license_keys WHERE license_key",
        keyStrings);
  }

  /**
   * The first column's value to the second's, of the rows {@code select} (which ends in the column
   * to look in) finds for {@code values}, asked {@link #LOOKUP_BATCH} at a time.
   */
  private static Map<String, String> pairs(Connection connection, String select, Seq<String> values)
      throws SQLException {
    Map<String, String> pairs = new HashMap<>();
    for (Seq<String> chunk : values.grouped(LOOKUP_BATCH)) {
      try (PreparedStatement query = Sql.inList(connection, select, chunk.asJava());
          ResultSet row = query.executeQuery()) {
        while (row.next()) {
          pairs.put(row.getString(1), row.getString(2));
        }
      }
    }
    return pairs;
  }

  /**
   * Inserts the plan's keys a batch at a time, in the order of their ids. Ids are random: in the
   * file's order each batch landed on pages all over the primary keys and the indexes that end in
   * the id, and H2 writes a dirty page when its buffer fills and again at the commit (100,000 keys:
   * 59 s on H2 and 18 on PostgreSQL; in id order, 17 and 16). {@code progress} hears the keys
   * handled: those already there, skipped, and those written so far; it ends at every key of the
   * import, once.
   */
  private static void insertKeys(
      Connection connection, ImportPlan plan, Instant at, IntConsumer progress)
      throws SQLException {
    int handled = plan.alreadyThere();
    if (plan.toAdd().isEmpty()) {
      progress.accept(handled);
    }
    for (Seq<LicenseKey> chunk : plan.toAdd().sortBy(LicenseKey::id).grouped(BATCH)) {
      JdbcLicenseKeys.insertAll(connection, chunk);
      AuditEventRows.insertAll(
          connection, chunk.map(key -> AuditEvent.keyCreated(key, at, Option.none())));
      handled += chunk.size();
      progress.accept(handled);
    }
  }
}

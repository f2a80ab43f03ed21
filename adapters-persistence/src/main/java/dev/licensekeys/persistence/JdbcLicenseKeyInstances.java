package dev.licensekeys.persistence;

import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.LicenseKeyInstance;
import dev.licensekeys.domain.model.PageRequest;
import dev.licensekeys.domain.port.out.LicenseKeyInstances;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;

public final class JdbcLicenseKeyInstances implements LicenseKeyInstances {

  private static final String SELECT_INSTANCE =
      "SELECT " + LicenseKeyRows.INSTANCE_COLUMNS + " FROM license_key_instances";

  private final Transactions transactions;

  JdbcLicenseKeyInstances(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public Option<LicenseKeyInstance> findById(String businessId, String instanceId) {
    return transactions.read(
        "finding an instance",
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(SELECT_INSTANCE + " WHERE id = ? AND business_id = ?")) {
            query.setString(1, instanceId);
            query.setString(2, businessId);
            return all(query).headOption();
          }
        });
  }

  @Override
  public Seq<LicenseKeyInstance> list(
      String businessId, Option<String> licenseKeyId, PageRequest page) {
    String sql = listSql(licenseKeyId.isDefined());
    return transactions.read(
        "listing instances",
        connection -> {
          try (PreparedStatement query = connection.prepareStatement(sql)) {
            int index = 1;
            query.setString(index++, businessId);
            if (licenseKeyId.isDefined()) {
              query.setString(index++, licenseKeyId.get());
            }
            query.setInt(index++, page.size());
            query.setLong(index, page.offset());
            return all(query);
          }
        });
  }

  /**
   * A page of instances, newest first, then by id. A business's page starts its order with {@code
   * business_id}, as its index does, so that H2 reads the index in order instead of sorting every
   * instance of the business for each page (as the keys' list does: docs/PERSISTENCE.md). One key's
   * instances are few, one per seat, and H2 reads them by its foreign key's index and sorts them.
   */
  static String listSql(boolean ofOneKey) {
    return SELECT_INSTANCE
        + " WHERE business_id = ?"
        + (ofOneKey
            ? " AND license_key_id = ? ORDER BY created_at DESC, id"
            : " ORDER BY business_id, created_at DESC, id")
        + " LIMIT ? OFFSET ?";
  }

  @Override
  public Option<LicenseKeyInstance> rename(LicenseKeyInstance renamed, AuditEvent event) {
    return transactions.inTransaction(
        "renaming an instance",
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE license_key_instances SET name = ? WHERE id = ? AND business_id = ?")) {
            update.setString(1, renamed.name());
            update.setString(2, renamed.id());
            update.setString(3, renamed.businessId());
            if (update.executeUpdate() == 0) {
              return Option.<LicenseKeyInstance>none();
            }
          }
          AuditEventRows.insert(connection, event);
          return Option.some(renamed);
        });
  }

  private static Seq<LicenseKeyInstance> all(PreparedStatement query) throws SQLException {
    java.util.List<LicenseKeyInstance> instances = new ArrayList<>();
    try (ResultSet row = query.executeQuery()) {
      while (row.next()) {
        instances.add(LicenseKeyRows.instance(row));
      }
    }
    return List.ofAll(instances);
  }
}

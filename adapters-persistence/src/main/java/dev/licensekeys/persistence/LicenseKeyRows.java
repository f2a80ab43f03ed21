package dev.licensekeys.persistence;

import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.LicenseKeyInstance;
import dev.licensekeys.domain.model.Source;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/** Columns to records and back for license keys and their instances. */
final class LicenseKeyRows {

  static final String KEY_COLUMNS =
      "id, business_id, brand_id, customer_id, product_id, license_key, source,"
          + " activations_limit, instances_count, disabled, expires_at, payment_id,"
          + " subscription_id, created_at, version";

  /**
   * Every column of keys, each key's row joined to its state's (migration V6): the fields a key's
   * life changes live in {@code license_key_states}, so that changing them rewrites no index of
   * {@code license_keys}. The column names of the two tables differ, so {@link #KEY_COLUMNS} and
   * the conditions after this need no table names.
   */
  static final String SELECT_KEYS =
      "SELECT "
          + KEY_COLUMNS
          + " FROM license_keys"
          + " JOIN license_key_states ON license_key_states.license_key_id = license_keys.id";

  static final String INSTANCE_COLUMNS = "id, business_id, license_key_id, name, created_at";

  private LicenseKeyRows() {}

  static LicenseKey key(ResultSet row) throws SQLException {
    return new LicenseKey(
        row.getString("id"),
        row.getString("business_id"),
        row.getString("brand_id"),
        row.getString("customer_id"),
        row.getString("product_id"),
        row.getString("license_key"),
        Source.valueOf(row.getString("source").toUpperCase(Locale.ROOT)),
        Sql.optionalInteger(row, "activations_limit"),
        row.getInt("instances_count"),
        row.getBoolean("disabled"),
        Sql.optionalInstant(row, "expires_at"),
        Sql.optionalText(row, "payment_id"),
        Sql.optionalText(row, "subscription_id"),
        Sql.instant(row, "created_at"),
        row.getLong("version"));
  }

  static String source(Source source) {
    return source.name().toLowerCase(Locale.ROOT);
  }

  static LicenseKeyInstance instance(ResultSet row) throws SQLException {
    return new LicenseKeyInstance(
        row.getString("id"),
        row.getString("business_id"),
        row.getString("license_key_id"),
        row.getString("name"),
        Sql.instant(row, "created_at"));
  }
}

package dev.licensekeys.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** The lengths input is checked against are the migrated schema's. */
class ColumnLengthsTest {

  @Test
  void theIdAndTextLengthsAreTheColumnsOwn() throws Exception {
    assertThat(length("customers", "id")).isEqualTo(ColumnLengths.ID);
    assertThat(length("products", "id")).isEqualTo(ColumnLengths.ID);
    assertThat(length("products", "brand_id")).isEqualTo(ColumnLengths.ID);
    assertThat(length("api_keys", "business_id")).isEqualTo(ColumnLengths.ID);
    assertThat(length("api_keys", "brand_id")).isEqualTo(ColumnLengths.ID);
    assertThat(length("license_keys", "payment_id")).isEqualTo(ColumnLengths.ID);
    assertThat(length("license_keys", "subscription_id")).isEqualTo(ColumnLengths.ID);
    assertThat(length("api_keys", "name")).isEqualTo(ColumnLengths.TEXT);
    assertThat(length("customers", "name")).isEqualTo(ColumnLengths.TEXT);
    assertThat(length("license_keys", "license_key")).isEqualTo(ColumnLengths.TEXT);
  }

  private static int length(String table, String column) throws Exception {
    try (Connection connection = TestDatabases.h2().dataSource().getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT character_maximum_length FROM information_schema.columns"
                    + " WHERE table_schema = 'public' AND table_name = ? AND column_name = ?")) {
      query.setString(1, table);
      query.setString(2, column);
      try (ResultSet row = query.executeQuery()) {
        assertThat(row.next()).as(table + "." + column).isTrue();
        return row.getInt(1);
      }
    }
  }
}

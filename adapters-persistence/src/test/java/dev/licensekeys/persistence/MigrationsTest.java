package dev.licensekeys.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.licensekeys.domain.fixtures.TestData;
import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.LicenseKey;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class MigrationsTest {

  @Test
  void migratingTwiceInARowChangesNothing() {
    Database postgres = TestDatabases.postgres();
    int before = historyRows(postgres);

    Database.migrate(postgres.dataSource());
    Database.migrate(postgres.dataSource());

    assertThat(historyRows(postgres)).isEqualTo(before);
    assertThat(successfulVersions(postgres)).isEqualTo(4);
  }

  @Test
  void anExistingH2FileOpensAgainWithItsData() {
    Path file = TestDatabases.newH2File();
    LicenseKey key;
    int before;
    try (Database first = Database.open(TestDatabases.h2Settings(file))) {
      JdbcAdapters adapters = JdbcAdapters.over(first);
      key = TestData.key(adapters.ids().newLicenseKeyId()).limit(3).build();
      adapters.licenseKeys().add(key, AuditEvent.keyCreated(key, TestData.T0, Option.none()));
      before = historyRows(first);
    }

    try (Database reopened = Database.open(TestDatabases.h2Settings(file))) {
      Database.migrate(reopened.dataSource());

      assertThat(JdbcAdapters.over(reopened).licenseKeys().findById(TestData.BUSINESS, key.id()))
          .containsExactly(key);
      assertThat(historyRows(reopened)).isEqualTo(before);
      assertThat(successfulVersions(reopened)).isEqualTo(4);
    }
  }

  @Test
  void theDatabaseItselfRefusesACountAboveTheLimit() throws Exception {
    Database h2 = TestDatabases.h2();
    TestDatabases.truncateAll(h2);
    JdbcAdapters adapters = JdbcAdapters.over(h2);
    LicenseKey key = TestData.key(adapters.ids().newLicenseKeyId()).limit(1).build();
    adapters.licenseKeys().add(key, AuditEvent.keyCreated(key, TestData.T0, Option.none()));

    try (Connection connection = h2.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(
              () ->
                  statement.executeUpdate(
                      "UPDATE license_keys SET instances_count = 2 WHERE id = '" + key.id() + "'"))
          .hasMessageContaining("license_keys_count_within_limit");
    }
  }

  @Test
  void aMigratedDatabaseIsReadyAndAClosedOneIsNot() {
    Database database = Database.open(TestDatabases.h2Settings(TestDatabases.newH2File()));
    assertThat(database.ready()).isTrue();

    database.close();

    assertThat(database.ready()).isFalse();
  }

  @Test
  void anH2FileIsOpenedInAutoServerModeSoTheCliCanShareIt() {
    assertThat(new DatabaseSettings("jdbc:h2:file:./x", "", "", 1).jdbcUrl())
        .contains(";MODE=PostgreSQL")
        .endsWith(";AUTO_SERVER=TRUE");
    assertThat(new DatabaseSettings("jdbc:h2:mem:x", "", "", 1).jdbcUrl())
        .doesNotContain("AUTO_SERVER");
  }

  @Test
  void aDatabaseUrlThatIsNeitherPostgresNorH2IsRefused() {
    assertThatThrownBy(() -> new DatabaseSettings("jdbc:mysql://x/y?password=secret", "", "", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:mysql://x/y")
        .hasMessageNotContaining("secret");
  }

  private static int historyRows(Database database) {
    return count(database, "SELECT COUNT(*) FROM \"flyway_schema_history\"");
  }

  private static int successfulVersions(Database database) {
    return count(
        database,
        "SELECT COUNT(*) FROM \"flyway_schema_history\""
            + " WHERE \"success\" = TRUE AND \"version\" IS NOT NULL");
  }

  private static int count(Database database, String sql) {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getInt(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}

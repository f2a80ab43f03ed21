package dev.licensekeys.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.licensekeys.domain.fixtures.TestData;
import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.AuditOperation;
import dev.licensekeys.domain.model.FieldChange;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.Source;
import dev.licensekeys.domain.patch.Change;
import dev.licensekeys.domain.patch.LicenseKeyPatch;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.baseline.BaselineMigrationConfigurationExtension;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class MigrationsTest {

  private static final java.time.Instant T1 = TestData.T0.plusSeconds(1);

  @Test
  void migratingTwiceInARowChangesNothing() {
    Database postgres = TestDatabases.postgres();
    int before = historyRows(postgres);

    Database.migrate(postgres.dataSource(), false);
    Database.migrate(postgres.dataSource(), false);

    assertThat(historyRows(postgres)).isEqualTo(before);
    assertThat(schemaVersion(postgres, false)).isEqualTo("8");
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
      Database.migrate(reopened.dataSource(), true);

      assertThat(JdbcAdapters.over(reopened).licenseKeys().findById(TestData.BUSINESS, key.id()))
          .containsExactly(key);
      assertThat(historyRows(reopened)).isEqualTo(before);
      assertThat(schemaVersion(reopened, true)).isEqualTo("8");
    }
  }

  @Test
  void aNewDatabaseIsMadeByTheBaselineAndWhatFollowsIt() {
    Database h2 = Database.open(TestDatabases.h2Settings(TestDatabases.newH2File()));
    try (h2) {
      assertThat(versionedHistory(h2.dataSource(), "public"))
          .containsExactly("7 SQL_BASELINE", "8 SQL");
      assertThat(schemaVersion(h2, true)).isEqualTo("8");
      assertThat(h2.ready()).isTrue();
    }
  }

  @Test
  void onH2TheBaselineMakesTheSchemaTheMigrationsMakeOneByOne() throws Exception {
    DataSource h2 = TestDatabases.unpooled(TestDatabases.h2Settings(TestDatabases.newH2File()));

    assertTheBaselineMakesTheSchemaOfTheMigrations(h2, true);
  }

  @Test
  void onPostgresTheBaselineMakesTheSchemaTheMigrationsMakeOneByOne() throws Exception {
    TestDatabases.postgres();
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setURL(TestDatabases.PG_URL);
    postgres.setUser(TestDatabases.PG_USER);
    postgres.setPassword(TestDatabases.PG_PASSWORD);
    try {
      assertTheBaselineMakesTheSchemaOfTheMigrations(postgres, false);
    } finally {
      dropSchemas(postgres);
    }
  }

  private static void assertTheBaselineMakesTheSchemaOfTheMigrations(
      DataSource dataSource, boolean h2) throws Exception {
    dropSchemas(dataSource);

    Database.migrations(dataSource, h2).schemas("from_baseline").load().migrate();
    oneByOne(dataSource, h2).schemas("one_by_one").load().migrate();

    assertThat(versionedHistory(dataSource, "from_baseline"))
        .containsExactly("7 SQL_BASELINE", "8 SQL");
    assertThat(versionedHistory(dataSource, "one_by_one"))
        .containsExactly("1 SQL", "2 SQL", "3 SQL", "4 SQL", "5 SQL", "6 SQL", "7 SQL", "8 SQL");
    // A database made before B7 opens with the service's migrations as it is, B7 not run.
    assertThat(
            Database.migrations(dataSource, h2)
                .schemas("one_by_one")
                .load()
                .migrate()
                .migrationsExecuted)
        .isZero();
    List<String> fromBaseline = SchemaDescription.of(dataSource, h2, "from_baseline");
    assertThat(fromBaseline).hasSizeGreaterThan(100);
    assertThat(fromBaseline).isEqualTo(SchemaDescription.of(dataSource, h2, "one_by_one"));
  }

  /** The migrations as a database made before B7 ran them: V1, V2, and so on. */
  private static FluentConfiguration oneByOne(DataSource dataSource, boolean h2) {
    FluentConfiguration migrations = Database.migrations(dataSource, h2);
    // A prefix no file has: Flyway finds no baseline (which it would run even for a lower target).
    migrations
        .getConfigurationExtension(BaselineMigrationConfigurationExtension.class)
        .setBaselineMigrationPrefix("NoBaseline");
    return migrations;
  }

  private static void dropSchemas(DataSource dataSource) throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS from_baseline CASCADE");
      statement.execute("DROP SCHEMA IF EXISTS one_by_one CASCADE");
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
                      "UPDATE license_key_states SET instances_count = 2"
                          + " WHERE license_key_id = '"
                          + key.id()
                          + "'"))
          .hasMessageContaining("license_key_states_count_within_limit");
    }
  }

  @Test
  void aKeyWrittenBeforeV6KeepsItsStateInItsOwnTable() throws Exception {
    Path file = TestDatabases.newH2File();
    DatabaseSettings settings = TestDatabases.h2Settings(file);
    DataSource beforeV6 = TestDatabases.unpooled(settings);
    oneByOne(beforeV6, true).target("5").load().migrate();
    try (Connection connection = beforeV6.getConnection();
        Statement statement = connection.createStatement()) {
      // As the writer before V6 stored a key: its state in the key's own row.
      statement.executeUpdate(
          "INSERT INTO license_keys (id, business_id, brand_id, customer_id, product_id,"
              + " license_key, source, activations_limit, instances_count, disabled, expires_at,"
              + " payment_id, subscription_id, created_at, version) VALUES ('lic_beforeV60000000000001', '"
              + TestData.BUSINESS
              + "', 'brd_1', 'cus_1', 'pdt_1', 'KEY-BEFORE-V6', 'import', 3, 1, TRUE,"
              + " TIMESTAMP WITH TIME ZONE '2030-01-01 00:00:00Z', 'pay_1', NULL,"
              + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00Z', 4)");
    }

    try (Database migrated = Database.open(settings)) {
      assertThat(
              JdbcAdapters.over(migrated)
                  .licenseKeys()
                  .findById(TestData.BUSINESS, "lic_beforeV60000000000001"))
          .containsExactly(
              new LicenseKey(
                  "lic_beforeV60000000000001",
                  TestData.BUSINESS,
                  "brd_1",
                  "cus_1",
                  "pdt_1",
                  "KEY-BEFORE-V6",
                  Source.IMPORT,
                  Option.some(3),
                  1,
                  true,
                  Option.some(java.time.Instant.parse("2030-01-01T00:00:00Z")),
                  Option.some("pay_1"),
                  Option.none(),
                  TestData.T0,
                  4));
    }
  }

  @Test
  void eventsWrittenBeforeV5AreReadWithTheirChangeRows() throws Exception {
    Database h2 = TestDatabases.h2();
    TestDatabases.truncateAll(h2);
    JdbcAdapters adapters = JdbcAdapters.over(h2);
    LicenseKey key = TestData.key(adapters.ids().newLicenseKeyId()).limit(1).build();
    try (Connection connection = h2.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      // As the writer before V5 stored an event: no changes column, a row per change.
      statement.executeUpdate(
          "INSERT INTO audit_events (business_id, subject_id, operation, occurred_at)"
              + " VALUES ('"
              + TestData.BUSINESS
              + "', '"
              + key.id()
              + "', 'UPDATE', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00Z')");
      statement.executeUpdate(
          "INSERT INTO audit_event_changes (event_id, seq, field_name, old_value, new_value)"
              + " SELECT id, 0, 'disabled', 'false', 'true' FROM audit_events");
      statement.executeUpdate(
          "INSERT INTO audit_event_changes (event_id, seq, field_name, old_value, new_value)"
              + " SELECT id, 1, 'expires_at', '2030-01-01T00:00:00Z', NULL FROM audit_events");
    }
    LicenseKey limited =
        key.apply(LicenseKeyPatch.KEEP_ALL.withActivationsLimit(Change.set(4))).get();
    adapters
        .licenseKeys()
        .add(key, AuditEvent.keyChanged(AuditOperation.UPDATE, key, limited, T1, Option.none()));

    assertThat(adapters.auditTrail().eventsOf(TestData.BUSINESS, key.id()))
        .extracting(AuditEvent::changes)
        .containsExactly(
            io.vavr.collection.List.of(
                new FieldChange("disabled", Option.some("false"), Option.some("true")),
                new FieldChange("expires_at", Option.some("2030-01-01T00:00:00Z"), Option.none())),
            io.vavr.collection.List.of(
                new FieldChange("activations_limit", Option.some("1"), Option.some("4"))));
  }

  @Test
  void h2CachesAThousandAuditIdsAndPostgresNone() {
    assertThat(
            count(
                TestDatabases.h2(),
                "SELECT identity_cache FROM information_schema.columns"
                    + " WHERE table_name = 'audit_events' AND column_name = 'id'"))
        .isEqualTo(1000);
    assertThat(
            count(
                TestDatabases.postgres(),
                "SELECT seqcache FROM pg_sequence"
                    + " WHERE seqrelid = pg_get_serial_sequence('audit_events', 'id')::regclass"))
        .isEqualTo(1);
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

  private static String schemaVersion(Database database, boolean h2) {
    return Database.migrations(database.dataSource(), h2)
        .load()
        .info()
        .current()
        .getVersion()
        .getVersion();
  }

  /** "version type" of each versioned migration {@code schema}'s history records, in order. */
  private static List<String> versionedHistory(DataSource dataSource, String schema) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT \"version\", \"type\" FROM "
                    + schema
                    + ".\"flyway_schema_history\" WHERE \"version\" IS NOT NULL"
                    + " ORDER BY \"installed_rank\"")) {
      List<String> history = new ArrayList<>();
      while (rows.next()) {
        history.add(rows.getString(1) + " " + rows.getString(2));
      }
      return history;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
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

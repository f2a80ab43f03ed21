package dev.licensekeys.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.fixtures.TestData;
import dev.licensekeys.domain.model.Customer;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.Product;
import dev.licensekeys.domain.port.out.BulkImports;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An import that adds keys leaves PostgreSQL's planner statistics fresh for the tables it wrote, so
 * the next list is planned for the rows that are there (PERSISTENCE.md).
 */
class ImportStatisticsTest {

  private Database database;
  private JdbcAdapters adapters;

  @BeforeEach
  void emptyPostgres() {
    database = TestDatabases.emptiedDatabase("postgresql");
    adapters = JdbcAdapters.over(database);
  }

  @Test
  void anImportThatAddsKeysAnalyzesEveryTableItWrote() {
    Seq<Long> before = JdbcBulkImports.TABLES_WRITTEN.map(this::analyzeCount);

    importKeys("STATS-A", "STATS-B");

    assertThat(JdbcBulkImports.TABLES_WRITTEN.map(this::analyzeCount))
        .isEqualTo(before.map(count -> count + 1));
  }

  @Test
  void anImportThatAddsNothingLeavesTheStatisticsAlone() {
    importKeys("STATS-A");
    Seq<Long> before = JdbcBulkImports.TABLES_WRITTEN.map(this::analyzeCount);

    importKeys("STATS-A");

    assertThat(JdbcBulkImports.TABLES_WRITTEN.map(this::analyzeCount)).isEqualTo(before);
  }

  private void importKeys(String... keyStrings) {
    Seq<LicenseKey> keys =
        List.of(keyStrings)
            .map(keyString -> TestData.key(adapters.ids().newLicenseKeyId()).keyString(keyString))
            .map(TestData.LicenseKeyBuilder::build);
    Customer customer = new Customer(TestData.CUSTOMER, TestData.BUSINESS, "Stats", "s@x.example");
    Product product =
        new Product(TestData.PRODUCT, TestData.BUSINESS, TestData.BRAND, Option.none());
    Either<Seq<String>, BulkImports.Imported> result =
        adapters
            .bulkImports()
            .importAll(
                TestData.BUSINESS,
                List.of(customer),
                List.of(product),
                keys,
                TestData.T0,
                done -> {});
    assertThat(result.isRight()).as(result.toString()).isTrue();
  }

  /**
   * How many times {@code ANALYZE} has run on {@code table}, by hand (autovacuum's not counted).
   */
  private long analyzeCount(String table) {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT analyze_count FROM pg_stat_user_tables WHERE relname = ?")) {
      query.setString(1, table);
      try (ResultSet row = query.executeQuery()) {
        assertThat(row.next()).as(table).isTrue();
        return row.getLong(1);
      }
    } catch (java.sql.SQLException e) {
      throw new AssertionError("could not read the statistics of " + table, e);
    }
  }
}

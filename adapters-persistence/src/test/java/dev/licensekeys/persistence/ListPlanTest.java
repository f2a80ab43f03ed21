package dev.licensekeys.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.fixtures.TestData;
import dev.licensekeys.domain.model.Customer;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.LicenseKeyFilter;
import dev.licensekeys.domain.model.LicenseKeyStatus;
import dev.licensekeys.domain.model.PageRequest;
import dev.licensekeys.domain.model.Product;
import dev.licensekeys.domain.model.Source;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A page of keys is read from an index in its order, on H2, for every kind of filter: H2 otherwise
 * sorts every key of the business that passes the filter, for each page. H2's plan says so as
 * {@code index sorted}; PostgreSQL needs no help to see it.
 */
class ListPlanTest {

  private static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");

  private static final String BUSINESS = "bus_plan";

  /** The first count of rows after the state table is joined: the rows it gave. */
  private static final Pattern STATES_SCANNED =
      Pattern.compile("JOIN \"public\"\\.\"license_key_states\"[^;]*?scanCount: (\\d+)");

  static Stream<LicenseKeyFilter> filters() {
    Instant dayBefore = NOW.minusSeconds(86_400);
    return Stream.of(
        LicenseKeyFilter.ALL,
        filter(null, null, LicenseKeyStatus.ACTIVE, null, null, null),
        filter(null, null, LicenseKeyStatus.EXPIRED, null, null, null),
        filter(null, null, LicenseKeyStatus.DISABLED, null, null, null),
        filter("cus_1", null, LicenseKeyStatus.EXPIRED, null, null, null),
        filter(null, "pdt_1", null, null, null, null),
        filter("cus_1", "pdt_1", null, null, null, null),
        filter(null, null, LicenseKeyStatus.ACTIVE, Source.IMPORT, null, null),
        filter(null, null, LicenseKeyStatus.ACTIVE, null, dayBefore, NOW),
        filter(null, null, null, Source.IMPORT, null, null),
        filter(null, null, null, null, dayBefore, NOW));
  }

  /** A filter from its fields, null for those it does not set. */
  private static LicenseKeyFilter filter(
      String customerId,
      String productId,
      LicenseKeyStatus status,
      Source source,
      Instant from,
      Instant to) {
    return new LicenseKeyFilter(
        Option.of(customerId),
        Option.of(productId),
        Option.of(status),
        Option.of(source),
        Option.of(from),
        Option.of(to));
  }

  @ParameterizedTest
  @MethodSource("filters")
  void aPageIsReadInIndexOrderNotSorted(LicenseKeyFilter filter) throws Exception {
    JdbcLicenseKeys.ListQuery query =
        JdbcLicenseKeys.listQuery("bus_1", filter, new PageRequest(10, 3), NOW);

    try (Connection connection = TestDatabases.h2().dataSource().getConnection();
        PreparedStatement explain = query.prepare(connection, "EXPLAIN ");
        ResultSet plan = explain.executeQuery()) {
      assertThat(plan.next()).isTrue();
      assertThat(plan.getString(1)).as(query.sql()).contains("/* index sorted */");
    }
  }

  @org.junit.jupiter.api.Test
  void aPageOfABusinessInstancesIsReadInIndexOrderNotSorted() throws Exception {
    String sql = JdbcLicenseKeyInstances.listSql(false);

    try (Connection connection = TestDatabases.h2().dataSource().getConnection();
        PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
      explain.setString(1, "bus_1");
      explain.setInt(2, 10);
      explain.setLong(3, 30);
      try (ResultSet plan = explain.executeQuery()) {
        assertThat(plan.next()).isTrue();
        assertThat(plan.getString(1)).as(sql).contains("/* index sorted */");
      }
    }
  }

  static Stream<LicenseKeyFilter> filtersWithoutStatus() {
    return filters().filter(filter -> filter.status().isEmpty());
  }

  /**
   * A deep page finds its keys in the index, then reads the states of those alone: H2 counts the
   * rows each table gave ({@code scanCount}), about two for each key of the page, where joining as
   * it walked read the state of every key the offset skipped too.
   */
  @ParameterizedTest
  @MethodSource("filtersWithoutStatus")
  void aDeepPageReadsTheStatesOfItsOwnKeysAlone(LicenseKeyFilter filter) throws Exception {
    Database database = TestDatabases.emptiedDatabase("h2");
    JdbcAdapters adapters = JdbcAdapters.over(database);
    Seq<LicenseKey> keys =
        io.vavr.collection.List.range(0, 60)
            .map(
                i ->
                    TestData.key(adapters.ids().newLicenseKeyId())
                        .business(BUSINESS)
                        .customer("cus_1")
                        .product("pdt_1")
                        .keyString("PLAN-" + i)
                        .createdAt(NOW.minusSeconds(60 + i))
                        .build());
    adapters
        .bulkImports()
        .importAll(
            BUSINESS,
            io.vavr.collection.List.of(new Customer("cus_1", BUSINESS, "Plan", "p@x.example")),
            io.vavr.collection.List.of(
                new Product("pdt_1", BUSINESS, TestData.BRAND, Option.none())),
            keys,
            NOW,
            done -> {});
    JdbcLicenseKeys.ListQuery query =
        JdbcLicenseKeys.listQuery(BUSINESS, filter, new PageRequest(10, 5), NOW);

    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement explain = query.prepare(connection, "EXPLAIN ANALYZE ");
        ResultSet plan = explain.executeQuery()) {
      assertThat(plan.next()).isTrue();
      Matcher states = STATES_SCANNED.matcher(plan.getString(1));
      assertThat(states.find()).as(plan.getString(1)).isTrue();
      assertThat(Integer.parseInt(states.group(1))).as(query.sql()).isLessThanOrEqualTo(20);
    }
  }
}

package dev.licensekeys.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.model.LicenseKeyFilter;
import dev.licensekeys.domain.model.LicenseKeyStatus;
import dev.licensekeys.domain.model.PageRequest;
import dev.licensekeys.domain.model.Source;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
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
        filter(null, null, LicenseKeyStatus.ACTIVE, null, dayBefore, NOW));
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
}

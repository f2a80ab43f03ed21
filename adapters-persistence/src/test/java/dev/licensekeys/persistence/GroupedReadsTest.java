package dev.licensekeys.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.licensekeys.domain.fixtures.TestData;
import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.LicenseKey;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads by id grouped into one query, made deterministic as in {@link GroupedSavesTest}: the first
 * read's connection is held back until the others all wait, so that they form one group.
 */
class GroupedReadsTest {

  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void readsThatWaitTogetherShareOneQueryAndEachGetsItsOwnAnswer(String database) throws Exception {
    Database opened = database.equals("h2") ? TestDatabases.h2() : TestDatabases.postgres();
    TestDatabases.emptied(opened);
    JdbcAdapters adapters = JdbcAdapters.over(opened);
    LicenseKey first = stored(adapters, TestData.BUSINESS);
    LicenseKey second = stored(adapters, TestData.BUSINESS);
    LicenseKey third = stored(adapters, TestData.BUSINESS);
    LicenseKey elsewhere = stored(adapters, TestData.OTHER_BUSINESS);
    GatedDataSource gate = new GatedDataSource(opened.dataSource());
    GroupedReads reads = new GroupedReads(new Transactions(gate.dataSource()));
    List<String> ids =
        List.of(
            first.id(),
            second.id(),
            third.id(),
            third.id(),
            elsewhere.id(),
            adapters.ids().newLicenseKeyId());

    gate.close();
    List<Future<Option<LicenseKey>>> found = new ArrayList<>();
    found.add(threads.submit(() -> reads.findById(TestData.BUSINESS, ids.get(0))));
    assertThat(gate.someoneWaits.await(1, TimeUnit.MINUTES)).isTrue();
    for (String id : ids.subList(1, ids.size())) {
      found.add(threads.submit(() -> reads.findById(TestData.BUSINESS, id)));
    }
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (reads.waiting() < ids.size() - 1 && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    assertThat(reads.waiting()).isEqualTo(ids.size() - 1);
    gate.open();

    List<Option<LicenseKey>> answers = new ArrayList<>();
    for (Future<Option<LicenseKey>> answer : found) {
      answers.add(answer.get(1, TimeUnit.MINUTES));
    }
    assertThat(answers)
        .containsExactly(
            Option.some(first),
            Option.some(second),
            Option.some(third),
            Option.some(third),
            Option.none(),
            Option.none());
    assertThat(gate.connections.get()).isEqualTo(2);
  }

  @Test
  void withoutADatabaseEveryReadFailsAsUnavailable() throws Exception {
    Database h2 = TestDatabases.h2();
    GatedDataSource gate = new GatedDataSource(h2.dataSource());
    GroupedReads reads = new GroupedReads(new Transactions(gate.dataSource()));
    gate.unreachable = true;

    List<Future<Option<LicenseKey>>> found = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      found.add(threads.submit(() -> reads.findById(TestData.BUSINESS, "lic_nothing")));
    }

    for (Future<Option<LicenseKey>> answer : found) {
      assertThatThrownBy(() -> answer.get(1, TimeUnit.MINUTES))
          .cause()
          .isInstanceOfSatisfying(
              DataAccessException.class, e -> assertThat(e.isUnavailable()).isTrue());
    }
  }

  private static LicenseKey stored(JdbcAdapters adapters, String businessId) {
    LicenseKey key =
        TestData.key(adapters.ids().newLicenseKeyId()).business(businessId).limit(5).build();
    adapters.licenseKeys().add(key, AuditEvent.keyCreated(key, TestData.T0, Option.none()));
    return key;
  }
}

package dev.licensekeys.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.licensekeys.domain.fixtures.TestData;
import dev.licensekeys.domain.model.ApiKey;
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
 * Reads by id and API key lookups grouped into one query, made deterministic as in {@link
 * GroupedSavesTest}: the first read's connection is held back until the others all wait, so that
 * they form one group.
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
    Database opened = TestDatabases.emptiedDatabase(database);
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

    List<Future<Option<LicenseKey>>> found =
        gate.startInOneGroupAfterAFirst(
            threads,
            ids.size(),
            i -> reads.findById(TestData.BUSINESS, ids.get(i)),
            reads::waiting);

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

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void apiKeyLookupsThatWaitTogetherShareOneQuery(String database) throws Exception {
    Database opened = TestDatabases.emptiedDatabase(database);
    JdbcAdapters adapters = JdbcAdapters.over(opened);
    ApiKey one = issued(adapters, "key_one", "one");
    ApiKey other = issued(adapters, "key_other", "other");
    adapters.apiKeys().revoke(other.id(), TestData.T0);
    GatedDataSource gate = new GatedDataSource(opened.dataSource());
    JdbcApiKeys apiKeys = new JdbcApiKeys(new Transactions(gate.dataSource()));
    List<String> hashes =
        List.of(
            one.secretHash(), one.secretHash(), other.secretHash(), ApiKey.hashSecret("unknown"));

    List<Future<Option<ApiKey>>> found =
        gate.startInOneGroupAfterAFirst(
            threads, hashes.size(), i -> apiKeys.findBySecretHash(hashes.get(i)), apiKeys::waiting);

    assertThat(found.get(0).get(1, TimeUnit.MINUTES)).contains(one);
    assertThat(found.get(1).get(1, TimeUnit.MINUTES)).contains(one);
    assertThat(found.get(2).get(1, TimeUnit.MINUTES).map(ApiKey::isActive)).containsExactly(false);
    assertThat(found.get(3).get(1, TimeUnit.MINUTES)).isEmpty();
    assertThat(gate.connections.get()).isEqualTo(2);
  }

  private static ApiKey issued(JdbcAdapters adapters, String id, String secret) {
    ApiKey key =
        ApiKey.issued(
            id, TestData.BUSINESS, Option.none(), id, ApiKey.hashSecret(secret), TestData.T0);
    adapters.apiKeys().add(key);
    return key;
  }

  private static LicenseKey stored(JdbcAdapters adapters, String businessId) {
    LicenseKey key =
        TestData.key(adapters.ids().newLicenseKeyId()).business(businessId).limit(5).build();
    adapters.licenseKeys().add(key, AuditEvent.keyCreated(key, TestData.T0, Option.none()));
    return key;
  }
}

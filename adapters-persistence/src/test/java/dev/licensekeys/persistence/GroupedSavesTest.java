package dev.licensekeys.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.licensekeys.domain.fixtures.TestData;
import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.AuditOperation;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.patch.Change;
import dev.licensekeys.domain.patch.LicenseKeyPatch;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Group commit, made deterministic: the first save's connection is held back until the saves of the
 * test are all waiting, so that they form one group and the test knows which.
 */
class GroupedSavesTest {

  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void savesThatWaitTogetherShareOneTransaction(String database) throws Exception {
    Fixture fixture = new Fixture(database);
    List<LicenseKey> keys = fixture.storedKeys(33);

    List<Boolean> saved = fixture.inOneGroupAfterAFirst(keys.size(), i -> limited(keys.get(i), 9));

    assertThat(saved).containsOnly(true);
    assertThat(fixture.gate.connections.get()).isEqualTo(2);
    for (LicenseKey key : keys) {
      LicenseKey stored = fixture.adapters.licenseKeys().findById(key.businessId(), key.id()).get();
      assertThat(stored.activationsLimit()).contains(9);
      assertThat(stored.version()).isEqualTo(2);
      assertThat(fixture.adapters.auditTrail().eventsOf(key.businessId(), key.id()))
          .extracting(AuditEvent::operation)
          .containsExactly(AuditOperation.IMPORT, AuditOperation.UPDATE);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void ofSavesOfOneKeyInOneGroupOnlyOneIsWrittenWithItsEvent(String database) throws Exception {
    Fixture fixture = new Fixture(database);
    List<LicenseKey> keys = fixture.storedKeys(2);
    LicenseKey contested = keys.get(1);

    List<Boolean> saved =
        fixture.inOneGroupAfterAFirst(
            4, i -> i == 0 ? limited(keys.get(0), 9) : limited(contested, 10 + i));

    assertThat(saved.subList(1, 4)).containsExactlyInAnyOrder(true, false, false);
    LicenseKey stored =
        fixture.adapters.licenseKeys().findById(contested.businessId(), contested.id()).get();
    assertThat(stored.version()).isEqualTo(2);
    int winner = saved.subList(1, 4).indexOf(true) + 1;
    assertThat(stored.activationsLimit()).contains(10 + winner);
    assertThat(fixture.adapters.auditTrail().eventsOf(contested.businessId(), contested.id()))
        .hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void aSaveTheDatabaseRefusesFailsAloneAndTheRestOfItsGroupIsWritten(String database)
      throws Exception {
    Fixture fixture = new Fixture(database);
    List<LicenseKey> keys = fixture.storedKeys(4);
    // An API key id longer than its column: the database refuses the event, and so the group.
    AuditEvent refused = changeOf(keys.get(2), 9, Option.some("key_" + "x".repeat(100)));

    List<Future<Boolean>> saves =
        fixture.startInOneGroupAfterAFirst(
            keys.size(),
            i -> {
              LicenseKey changed = limited(keys.get(i), 9);
              return i == 2
                  ? fixture.grouped.save(changed, refused)
                  : fixture.grouped.save(changed, changeOf(keys.get(i), 9, Option.none()));
            });

    assertThat(saves.get(0).get(1, TimeUnit.MINUTES)).isTrue();
    assertThat(saves.get(1).get(1, TimeUnit.MINUTES)).isTrue();
    assertThat(saves.get(3).get(1, TimeUnit.MINUTES)).isTrue();
    assertThatThrownBy(() -> saves.get(2).get(1, TimeUnit.MINUTES))
        .hasCauseInstanceOf(DataAccessException.class);
    assertThat(fixture.adapters.licenseKeys().findById(TestData.BUSINESS, keys.get(2).id()).get())
        .isEqualTo(keys.get(2));
    assertThat(fixture.adapters.licenseKeys().findById(TestData.BUSINESS, keys.get(3).id()).get())
        .extracting(LicenseKey::version)
        .isEqualTo(2L);
  }

  @Test
  void onPostgresAKeyAnotherTransactionHoldsLosesItsSaveAndHoldsUpNoOther() throws Exception {
    Fixture fixture = new Fixture("postgresql");
    List<LicenseKey> keys = fixture.storedKeys(2);
    try (Connection holder = fixture.opened.dataSource().getConnection()) {
      holder.setAutoCommit(false);
      try {
        try (PreparedStatement lock =
            holder.prepareStatement(
                "SELECT 1 FROM license_key_states WHERE license_key_id = ? FOR UPDATE")) {
          lock.setString(1, keys.get(0).id());
          lock.executeQuery().close();
        }

        Future<Boolean> held = threads.submit(() -> fixture.save(limited(keys.get(0), 9)));
        assertThat(held.get(5, TimeUnit.SECONDS)).as("the held key's save").isFalse();
        Future<Boolean> other = threads.submit(() -> fixture.save(limited(keys.get(1), 9)));
        assertThat(other.get(5, TimeUnit.SECONDS)).as("another key's save").isTrue();
      } finally {
        holder.rollback();
      }
    }
    assertThat(fixture.adapters.licenseKeys().findById(TestData.BUSINESS, keys.get(0).id()).get())
        .isEqualTo(keys.get(0));
  }

  @Test
  void whenTheWriterDiesEverySaveOfItsGroupFailsAndNoneIsTakenForALostRace() throws Exception {
    Fixture fixture = new Fixture("h2");
    List<LicenseKey> keys = fixture.storedKeys(4);
    fixture.gate.errorOnConnection = 2;

    List<Future<Boolean>> saves =
        fixture.startInOneGroupAfterAFirst(keys.size(), i -> fixture.save(limited(keys.get(i), 9)));

    assertThat(saves.get(0).get(1, TimeUnit.MINUTES)).isTrue();
    List<Class<?>> failures = new ArrayList<>();
    for (Future<Boolean> save : saves.subList(1, 4)) {
      assertThatThrownBy(() -> save.get(1, TimeUnit.MINUTES))
          .satisfies(e -> failures.add(e.getCause().getClass()));
    }
    assertThat(failures)
        .containsExactlyInAnyOrder(
            StackOverflowError.class, IllegalStateException.class, IllegalStateException.class);
    for (LicenseKey key : keys.subList(1, 4)) {
      assertThat(fixture.adapters.licenseKeys().findById(TestData.BUSINESS, key.id()).get())
          .isEqualTo(key);
    }
  }

  @Test
  void withoutADatabaseEverySaveFailsAsUnavailable() throws Exception {
    Fixture fixture = new Fixture("h2");
    List<LicenseKey> keys = fixture.storedKeys(8);
    fixture.gate.unreachable = true;

    List<Future<Boolean>> saves = new ArrayList<>();
    for (LicenseKey key : keys) {
      saves.add(threads.submit(() -> fixture.save(limited(key, 9))));
    }

    for (Future<Boolean> save : saves) {
      assertThatThrownBy(() -> save.get(1, TimeUnit.MINUTES))
          .cause()
          .isInstanceOfSatisfying(
              DataAccessException.class, e -> assertThat(e.isUnavailable()).isTrue());
    }
  }

  private static LicenseKey limited(LicenseKey key, int limit) {
    return key.apply(LicenseKeyPatch.KEEP_ALL.withActivationsLimit(Change.set(limit))).get();
  }

  private static AuditEvent changeOf(LicenseKey key, int limit, Option<String> apiKeyId) {
    return AuditEvent.keyChanged(
        AuditOperation.UPDATE, key, limited(key, limit), TestData.T0, apiKeyId);
  }

  /** A database emptied for the test, and saves grouped over a pool whose connections it gates. */
  private final class Fixture {
    final Database opened;
    final JdbcAdapters adapters;
    final GatedDataSource gate;
    final GroupedSaves grouped;

    Fixture(String database) {
      opened = TestDatabases.emptiedDatabase(database);
      adapters = JdbcAdapters.over(opened);
      gate = new GatedDataSource(opened.dataSource());
      grouped = new GroupedSaves(new Transactions(gate.dataSource()), !opened.isH2());
    }

    List<LicenseKey> storedKeys(int count) {
      List<LicenseKey> keys = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        LicenseKey key = TestData.key(adapters.ids().newLicenseKeyId()).limit(5).build();
        adapters.licenseKeys().add(key, AuditEvent.keyCreated(key, TestData.T0, Option.none()));
        keys.add(key);
      }
      return keys;
    }

    boolean save(LicenseKey changed) {
      LicenseKey before = adapters.licenseKeys().findById(changed.businessId(), changed.id()).get();
      return grouped.save(
          changed,
          AuditEvent.keyChanged(
              AuditOperation.UPDATE, before, changed, TestData.T0, Option.none()));
    }

    /** Save 0 alone, then saves 1 to count - 1 in one group; the outcomes in that order. */
    List<Boolean> inOneGroupAfterAFirst(int count, IntFunction<LicenseKey> changed)
        throws Exception {
      List<Future<Boolean>> saves = startInOneGroupAfterAFirst(count, i -> save(changed.apply(i)));
      List<Boolean> outcomes = new ArrayList<>();
      for (Future<Boolean> save : saves) {
        outcomes.add(save.get(1, TimeUnit.MINUTES));
      }
      return outcomes;
    }

    List<Future<Boolean>> startInOneGroupAfterAFirst(int count, IntFunction<Boolean> save)
        throws Exception {
      return gate.startInOneGroupAfterAFirst(threads, count, save, grouped::waiting);
    }
  }
}

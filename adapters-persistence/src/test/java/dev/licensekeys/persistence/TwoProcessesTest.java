package dev.licensekeys.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.fixtures.Concurrently;
import dev.licensekeys.domain.fixtures.MutableClock;
import dev.licensekeys.domain.fixtures.OutPorts;
import dev.licensekeys.domain.fixtures.Services;
import dev.licensekeys.domain.fixtures.TestData;
import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.LicenseKeyError;
import dev.licensekeys.domain.model.PageRequest;
import dev.licensekeys.domain.patch.Change;
import dev.licensekeys.domain.patch.LicenseKeyPatch;
import dev.licensekeys.domain.port.in.ActivateLicenseCommand;
import dev.licensekeys.domain.port.in.Activation;
import dev.licensekeys.domain.port.in.UpdateLicenseKeyCommand;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Two independent connection pools on one database stand for two service processes: the limit holds
 * across them, as it must when several processes share a database.
 */
class TwoProcessesTest {

  @Test
  void h2() throws Exception {
    var file = TestDatabases.newH2File();
    try (Database first = Database.open(TestDatabases.h2Settings(file));
        Database second = Database.open(TestDatabases.h2Settings(file))) {
      sixtyFourActivationsAcrossTwoPoolsTakeExactlyTen(first, second);
      loweringTheLimitFromOnePoolWhileTheOtherActivates(first, second);
    }
  }

  @Test
  void postgres() throws Exception {
    Database shared = TestDatabases.postgres();
    try (Database first = Database.open(TestDatabases.postgresSettings());
        Database second = Database.open(TestDatabases.postgresSettings())) {
      TestDatabases.truncateAll(shared);
      sixtyFourActivationsAcrossTwoPoolsTakeExactlyTen(first, second);
      TestDatabases.truncateAll(shared);
      loweringTheLimitFromOnePoolWhileTheOtherActivates(first, second);
    }
  }

  private void sixtyFourActivationsAcrossTwoPoolsTakeExactlyTen(Database first, Database second)
      throws Exception {
    Services one = services(first);
    Services two = services(second);
    LicenseKey key = storedKey(first, 10);

    List<Either<LicenseKeyError, Activation>> results =
        concurrently(
            64,
            thread ->
                () ->
                    (thread % 2 == 0 ? one : two)
                        .licensing()
                        .activate(new ActivateLicenseCommand(key.key(), "machine " + thread)));

    assertThat(results.stream().filter(Either::isRight)).hasSize(10);
    assertThat(results.stream().filter(Either::isLeft).map(Either::getLeft))
        .hasSize(54)
        .allMatch(LicenseKeyError.LimitReached.class::isInstance);
    assertCountEqualsRows(first, key, 10);
  }

  private void loweringTheLimitFromOnePoolWhileTheOtherActivates(Database first, Database second)
      throws Exception {
    Services one = services(first);
    Services two = services(second);
    LicenseKey key = storedKey(first, 30);

    concurrently(
        32,
        thread ->
            () ->
                thread % 2 == 0
                    ? two.licensing()
                        .activate(new ActivateLicenseCommand(key.key(), "machine " + thread))
                    : one.licenseKeys()
                        .update(
                            new UpdateLicenseKeyCommand(
                                TestData.CALLER,
                                key.id(),
                                LicenseKeyPatch.KEEP_ALL.withActivationsLimit(
                                    Change.set(30 - thread)))));

    LicenseKey last =
        JdbcAdapters.over(second).licenseKeys().findById(TestData.BUSINESS, key.id()).get();
    assertThat(last.instancesCount()).isLessThanOrEqualTo(last.activationsLimit().get());
    assertCountEqualsRows(first, key, last.instancesCount());
  }

  private static Services services(Database database) {
    JdbcAdapters adapters = JdbcAdapters.over(database);
    OutPorts ports =
        new OutPorts(
            adapters.licenseKeys(),
            adapters.instances(),
            adapters.customers(),
            adapters.products(),
            adapters.auditTrail(),
            adapters.ids(),
            adapters.bulkImports());
    TestData.seedDirectories(ports);
    return Services.over(ports, new MutableClock(TestData.T0));
  }

  private static LicenseKey storedKey(Database database, int limit) {
    JdbcAdapters adapters = JdbcAdapters.over(database);
    LicenseKey key = TestData.key(adapters.ids().newLicenseKeyId()).limit(limit).build();
    adapters.licenseKeys().add(key, AuditEvent.keyCreated(key, TestData.T0, Option.none()));
    return key;
  }

  private static void assertCountEqualsRows(Database database, LicenseKey key, int expected) {
    JdbcAdapters adapters = JdbcAdapters.over(database);
    assertThat(adapters.licenseKeys().findById(TestData.BUSINESS, key.id()).get().instancesCount())
        .isEqualTo(expected);
    assertThat(
            adapters
                .instances()
                .list(TestData.BUSINESS, Option.some(key.id()), new PageRequest(100, 0)))
        .hasSize(expected);
  }

  private static <T> List<T> concurrently(int threads, IntFunction<Supplier<T>> task)
      throws Exception {
    return Concurrently.run(threads, thread -> task.apply(thread).get());
  }
}

package dev.licensekeys.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.licensekeys.domain.fixtures.TestData;
import dev.licensekeys.domain.model.AuditOperation;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.port.out.BulkImports;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Another writer stores one of an import's keys after the import has read what is stored and before
 * it inserts: the import ends as it would have had that writer come first, or refuses, and never
 * keeps part of itself.
 */
class ImportRaceTest {

  private static final String INSERT_KEYS = "INSERT INTO license_keys (";

  private Database database;
  private JdbcAdapters adapters;
  private final AtomicInteger keyInserts = new AtomicInteger();

  private final SecureRandomIds ids = new SecureRandomIds();
  private final LicenseKey raced = TestData.key(ids.newLicenseKeyId()).keyString("RACED").build();
  private final LicenseKey other = TestData.key(ids.newLicenseKeyId()).keyString("OTHER").build();

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void aKeyThisBusinessStoredMeanwhileIsAlreadyThereAndTheRestIsAdded(String which) {
    open(which);

    Either<Seq<String>, BulkImports.Imported> result =
        importRacedBy(() -> storeElsewhere(raced), raced, other);

    assertThat(result.get()).isEqualTo(new BulkImports.Imported(1, 1, 1, 1));
    assertThat(keyInserts).as("planned again after the race").hasValue(2);
    assertThat(adapters.licenseKeys().findByKey("OTHER")).isNotEmpty();
    assertThat(
            adapters.auditTrail().eventsOf(TestData.BUSINESS, raced.id()).map(e -> e.operation()))
        .as("the other writer's import event alone")
        .containsExactly(AuditOperation.IMPORT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void aKeyStringAnotherBusinessStoredMeanwhileIsRefusedAndNothingIsAdded(String which) {
    open(which);
    LicenseKey theirs =
        TestData.key(ids.newLicenseKeyId())
            .business(TestData.OTHER_BUSINESS)
            .keyString("RACED")
            .build();

    Either<Seq<String>, BulkImports.Imported> result =
        importRacedBy(() -> storeElsewhere(theirs), raced, other);

    assertThat(result.getLeft()).containsExactly("RACED");
    assertThat(adapters.licenseKeys().findByKey("OTHER")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void anIdAnotherKeyTookMeanwhileFailsAsAUniqueViolationAndNothingIsAdded(String which) {
    open(which);
    LicenseKey sameId = TestData.key(raced.id()).keyString("SAME-ID").build();

    assertThatThrownBy(() -> importRacedBy(() -> storeElsewhere(sameId), raced, other))
        .isInstanceOfSatisfying(
            DataAccessException.class, e -> assertThat(e.isUniqueViolation()).isTrue());

    assertThat(keyInserts).hasValue(Transactions.INSERT_RACE_ATTEMPTS);
    assertThat(adapters.licenseKeys().findByKey("OTHER")).isEmpty();
    assertThat(adapters.licenseKeys().findByKey("RACED")).isEmpty();
  }

  private void open(String which) {
    database = TestDatabases.emptiedDatabase(which);
    adapters = JdbcAdapters.over(database);
  }

  /** An import by another writer, committed on a connection of its own. */
  private void storeElsewhere(LicenseKey key) {
    Either<Seq<String>, BulkImports.Imported> stored =
        adapters
            .bulkImports()
            .importAll(
                key.businessId(),
                List.empty(),
                List.empty(),
                List.of(key),
                TestData.T0,
                done -> {});
    assertThat(stored.isRight()).as(stored.toString()).isTrue();
  }

  /** The import of {@code keys}, with {@code race} run just before it first inserts keys. */
  private Either<Seq<String>, BulkImports.Imported> importRacedBy(
      Runnable race, LicenseKey... keys) {
    JdbcBulkImports imports =
        new JdbcBulkImports(new Transactions(racing(database.dataSource(), race)), false);
    return imports.importAll(
        TestData.BUSINESS,
        List.of(TestData.customer(TestData.BUSINESS)),
        List.of(TestData.product(TestData.BUSINESS)),
        List.of(keys),
        TestData.T0,
        done -> {});
  }

  /** {@code pool}, but its connections run {@code race} before the first insert of keys. */
  private DataSource racing(DataSource pool, Runnable race) {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, arguments) -> {
              Object result = invoke(pool, method, arguments);
              return method.getName().equals("getConnection")
                  ? racing((Connection) result, race)
                  : result;
            });
  }

  private Connection racing(Connection connection, Runnable race) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, arguments) -> {
              if (method.getName().equals("prepareStatement")
                  && ((String) arguments[0]).startsWith(INSERT_KEYS)
                  && keyInserts.incrementAndGet() == 1) {
                race.run();
              }
              return invoke(connection, method, arguments);
            });
  }

  private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}

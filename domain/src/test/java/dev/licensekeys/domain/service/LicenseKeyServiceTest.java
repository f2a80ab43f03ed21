package dev.licensekeys.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.fixtures.MutableClock;
import dev.licensekeys.domain.fixtures.OutPorts;
import dev.licensekeys.domain.fixtures.PortCalls;
import dev.licensekeys.domain.fixtures.TestData;
import dev.licensekeys.domain.inmemory.InMemoryAdapters;
import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.AuditOperation;
import dev.licensekeys.domain.model.FieldProblem;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.LicenseKeyError;
import dev.licensekeys.domain.model.LicenseKeyError.Resource;
import dev.licensekeys.domain.model.LicenseKeyFilter;
import dev.licensekeys.domain.model.Source;
import dev.licensekeys.domain.patch.Change;
import dev.licensekeys.domain.patch.LicenseKeyPatch;
import dev.licensekeys.domain.port.in.ImportLicenseKeyCommand;
import dev.licensekeys.domain.port.in.ListLicenseKeysQuery;
import dev.licensekeys.domain.port.in.UpdateLicenseKeyCommand;
import dev.licensekeys.domain.port.out.LicenseKeys;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LicenseKeyServiceTest {

  private final MutableClock clock = new MutableClock(TestData.T0);
  private OutPorts ports;
  private LicenseKeyService service;
  private LicenseKey key;

  @BeforeEach
  void setUp() {
    ports = InMemoryAdapters.create();
    TestData.seedDirectories(ports);
    service =
        new LicenseKeyService(
            ports.licenseKeys(), ports.customers(), ports.products(), ports.ids(), clock);
    key = importKey("KEY-1");
  }

  private LicenseKey importKey(String keyString) {
    return service
        .importKey(
            new ImportLicenseKeyCommand(
                TestData.CALLER,
                TestData.CUSTOMER,
                TestData.PRODUCT,
                keyString,
                Option.some(3),
                Option.none()))
        .get();
  }

  private Either<LicenseKeyError, LicenseKey> update(LicenseKeyPatch patch) {
    return service.update(new UpdateLicenseKeyCommand(TestData.CALLER, key.id(), patch));
  }

  @Test
  void anImportedKeyIsActiveUnusedAndAtVersionOne() {
    assertThat(key.source()).isEqualTo(Source.IMPORT);
    assertThat(key.instancesCount()).isZero();
    assertThat(key.version()).isEqualTo(1);
    assertThat(key.brandId()).isEqualTo(TestData.BRAND);
    assertThat(key.createdAt()).isEqualTo(TestData.T0);
    assertThat(service.get(TestData.CALLER, key.id())).isEqualTo(Either.right(key));
    assertThat(ports.auditTrail().eventsOf(TestData.BUSINESS, key.id()).map(AuditEvent::operation))
        .containsExactly(AuditOperation.IMPORT);
  }

  @Test
  void aKeyStringCanBeImportedOnce() {
    assertThat(
            service.importKey(
                new ImportLicenseKeyCommand(
                    TestData.OTHER_CALLER,
                    TestData.CUSTOMER,
                    TestData.PRODUCT,
                    "KEY-1",
                    Option.none(),
                    Option.none())))
        .isEqualTo(Either.left(new LicenseKeyError.LicenseKeyAlreadyExists()));
  }

  @Test
  void anImportNeedsACustomerAndAProductOfTheCallersBusiness() {
    ports.customers().put(new dev.licensekeys.domain.model.Customer("cus_x", "bus_x", "X", "x@x"));

    assertThat(
            service.importKey(
                new ImportLicenseKeyCommand(
                    TestData.CALLER,
                    "cus_x",
                    TestData.PRODUCT,
                    "K2",
                    Option.none(),
                    Option.none())))
        .isEqualTo(Either.left(LicenseKeyError.NotFound.of(Resource.CUSTOMER, "cus_x")));
    assertThat(
            service.importKey(
                new ImportLicenseKeyCommand(
                    TestData.CALLER,
                    TestData.CUSTOMER,
                    "pdt_x",
                    "K2",
                    Option.none(),
                    Option.none())))
        .isEqualTo(Either.left(LicenseKeyError.NotFound.of(Resource.PRODUCT, "pdt_x")));
  }

  @Test
  void anImportNamesEveryBadField() {
    assertThat(
            service.importKey(
                new ImportLicenseKeyCommand(
                    TestData.CALLER, TestData.CUSTOMER, " ", "", Option.some(-2), Option.none())))
        .isEqualTo(
            Either.left(
                new LicenseKeyError.InvalidInput(
                    List.of(
                        new FieldProblem("product_id", "must not be blank"),
                        new FieldProblem("key", "must not be blank"),
                        new FieldProblem("activations_limit", "must be 0 or more")))));
  }

  @Test
  void aKeyStringMayHave255CharactersAndNoMore() {
    assertThat(importKey("k".repeat(255)).key()).hasSize(255);
    assertThat(
            service.importKey(
                new ImportLicenseKeyCommand(
                    TestData.CALLER,
                    TestData.CUSTOMER,
                    TestData.PRODUCT,
                    "k".repeat(256),
                    Option.none(),
                    Option.none())))
        .isEqualTo(
            Either.left(
                new LicenseKeyError.InvalidInput(
                    List.of(new FieldProblem("key", "must be at most 255 characters")))));
  }

  @Test
  void anImportRecordsEveryFieldItSetButNeverTheKeyString() {
    AuditEvent imported = ports.auditTrail().eventsOf(TestData.BUSINESS, key.id()).single();

    assertThat(imported.changes().map(change -> change.field()))
        .containsExactly(
            "customer_id",
            "product_id",
            "source",
            "activations_limit",
            "disabled",
            "expires_at",
            "instances_count");
    assertThat(imported.changes().find(change -> change.field().equals("activations_limit")))
        .containsExactly(
            new dev.licensekeys.domain.model.FieldChange(
                "activations_limit", Option.none(), Option.some("3")));
    assertThat(imported.changes().flatMap(change -> change.after())).doesNotContain("KEY-1");
  }

  @Test
  void anIdOfAnotherShapeIsNotFoundWithoutAskingTheStore() {
    java.util.List<String> calls = new java.util.ArrayList<>();
    LicenseKeyService asking =
        new LicenseKeyService(
            PortCalls.recorded(LicenseKeys.class, ports.licenseKeys(), calls),
            ports.customers(),
            ports.products(),
            ports.ids(),
            clock);
    String nul = "lic\0" + key.id().substring(4);

    assertThat(asking.get(TestData.CALLER, nul))
        .isEqualTo(Either.left(LicenseKeyError.NotFound.of(Resource.LICENSE_KEY, nul)));
    assertThat(
            asking.update(
                new UpdateLicenseKeyCommand(TestData.CALLER, nul, LicenseKeyPatch.KEEP_ALL)))
        .isEqualTo(Either.left(LicenseKeyError.NotFound.of(Resource.LICENSE_KEY, nul)));
    assertThat(calls).isEmpty();
    assertThat(asking.get(TestData.CALLER, key.id())).isEqualTo(Either.right(key));
    assertThat(calls).containsExactly("findById");
  }

  @Test
  void anotherBusinessDoesNotSeeTheKey() {
    assertThat(service.get(TestData.OTHER_CALLER, key.id()))
        .isEqualTo(Either.left(LicenseKeyError.NotFound.of(Resource.LICENSE_KEY, key.id())));
    assertThat(
            service.update(
                new UpdateLicenseKeyCommand(
                    TestData.OTHER_CALLER, key.id(), LicenseKeyPatch.KEEP_ALL)))
        .isEqualTo(Either.left(LicenseKeyError.NotFound.of(Resource.LICENSE_KEY, key.id())));
  }

  @Test
  void aPatchIsStoredAtTheNextVersionWithItsEvent() {
    clock.set(TestData.T0.plusSeconds(5));
    LicenseKey patched =
        update(LicenseKeyPatch.KEEP_ALL.withActivationsLimit(Change.set(10))).get();

    assertThat(patched.activationsLimit()).containsExactly(10);
    assertThat(patched.version()).isEqualTo(2);
    assertThat(service.get(TestData.CALLER, key.id())).isEqualTo(Either.right(patched));
    AuditEvent event = ports.auditTrail().eventsOf(TestData.BUSINESS, key.id()).last();
    assertThat(event.operation()).isEqualTo(AuditOperation.UPDATE);
    assertThat(event.at()).isEqualTo(TestData.T0.plusSeconds(5));
    assertThat(event.apiKeyId()).containsExactly(TestData.CALLER.apiKeyId());
  }

  @Test
  void anEmptyPatchWritesNothing() {
    assertThat(update(LicenseKeyPatch.KEEP_ALL)).isEqualTo(Either.right(key));
    assertThat(ports.auditTrail().eventsOf(TestData.BUSINESS, key.id())).hasSize(1);
  }

  @Test
  void aPatchThatSetsWhatIsAlreadyThereWritesNothing() {
    assertThat(update(LicenseKeyPatch.KEEP_ALL.withActivationsLimit(Change.set(3))))
        .isEqualTo(Either.right(key));
    assertThat(ports.auditTrail().eventsOf(TestData.BUSINESS, key.id())).hasSize(1);
  }

  @Test
  void aRefusedPatchChangesNothing() {
    LicenseKeyPatch bad = new LicenseKeyPatch(Change.set(-1), Change.set(true), Change.clear());

    assertThat(update(bad).getLeft()).isInstanceOf(LicenseKeyError.PatchRejected.class);
    assertThat(service.get(TestData.CALLER, key.id())).isEqualTo(Either.right(key));
  }

  @Test
  void aPatchForAVersionThatIsNoLongerCurrentIsRefused() {
    update(LicenseKeyPatch.KEEP_ALL.withDisabled(Change.set(true)));

    assertThat(
            service.update(
                new UpdateLicenseKeyCommand(
                    TestData.CALLER,
                    key.id(),
                    LicenseKeyPatch.KEEP_ALL.withDisabled(Change.set(false)),
                    Option.some(1L))))
        .isEqualTo(Either.left(new LicenseKeyError.VersionMismatch(key.id(), 1, 2)));
    assertThat(
            service
                .update(
                    new UpdateLicenseKeyCommand(
                        TestData.CALLER,
                        key.id(),
                        LicenseKeyPatch.KEEP_ALL.withDisabled(Change.set(false)),
                        Option.some(2L)))
                .map(LicenseKey::version))
        .isEqualTo(Either.right(3L));
  }

  @Test
  void aPatchThatKeepsLosingTheRaceTakesTheLockAndSucceeds() {
    AtomicInteger optimisticSaves = new AtomicInteger();
    LicenseKeys alwaysStale =
        (LicenseKeys)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {LicenseKeys.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("save")) {
                    optimisticSaves.incrementAndGet();
                    return Option.none();
                  }
                  return method.invoke(ports.licenseKeys(), args);
                });
    LicenseKeyService racing =
        new LicenseKeyService(alwaysStale, ports.customers(), ports.products(), ports.ids(), clock);

    Either<LicenseKeyError, LicenseKey> result =
        racing.update(
            new UpdateLicenseKeyCommand(
                TestData.CALLER,
                key.id(),
                LicenseKeyPatch.KEEP_ALL.withDisabled(Change.set(true))));

    assertThat(optimisticSaves).hasValue(LicenseKeyService.OPTIMISTIC_ATTEMPTS);
    assertThat(result.map(LicenseKey::disabled)).isEqualTo(Either.right(true));
    assertThat(result.map(LicenseKey::version)).isEqualTo(Either.right(2L));
    assertThat(service.get(TestData.CALLER, key.id())).isEqualTo(result);
    assertThat(ports.auditTrail().eventsOf(TestData.BUSINESS, key.id())).hasSize(2);
  }

  @Test
  void theLockedPathRefusesWhatTheOptimisticPathRefuses() {
    LicenseKeys alwaysStale =
        (LicenseKeys)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {LicenseKeys.class},
                (proxy, method, args) ->
                    method.getName().equals("save")
                        ? Option.none()
                        : method.invoke(ports.licenseKeys(), args));
    LicenseKeyService racing =
        new LicenseKeyService(alwaysStale, ports.customers(), ports.products(), ports.ids(), clock);
    LicenseKeyPatch limitTwo = LicenseKeyPatch.KEEP_ALL.withActivationsLimit(Change.set(2));

    assertThat(
            racing.update(
                new UpdateLicenseKeyCommand(TestData.CALLER, key.id(), limitTwo, Option.some(7L))))
        .isEqualTo(Either.left(new LicenseKeyError.VersionMismatch(key.id(), 7, 1)));
    assertThat(
            racing.update(new UpdateLicenseKeyCommand(TestData.OTHER_CALLER, key.id(), limitTwo)))
        .isEqualTo(Either.left(LicenseKeyError.NotFound.of(Resource.LICENSE_KEY, key.id())));
    assertThat(service.get(TestData.CALLER, key.id())).isEqualTo(Either.right(key));
  }

  @Test
  void listingChecksThePageAndFiltersInTheCallersBusiness() {
    clock.set(TestData.T0.plusSeconds(1));
    LicenseKey newer = importKey("KEY-2");

    assertThat(service.list(new ListLicenseKeysQuery(TestData.CALLER, LicenseKeyFilter.ALL, 10, 0)))
        .isEqualTo(Either.right(List.of(newer, key)));
    assertThat(
            service.list(
                new ListLicenseKeysQuery(TestData.OTHER_CALLER, LicenseKeyFilter.ALL, 10, 0)))
        .isEqualTo(Either.right(List.empty()));
    assertThat(
            service.list(new ListLicenseKeysQuery(TestData.CALLER, LicenseKeyFilter.ALL, 101, 0)))
        .isEqualTo(
            Either.left(
                new LicenseKeyError.InvalidQuery(
                    List.of(new FieldProblem("page_size", "must be 0 to 100")))));
  }

  @Test
  void anImportMayCarryAnExpiryInThePast() {
    LicenseKey expired =
        service
            .importKey(
                new ImportLicenseKeyCommand(
                    TestData.CALLER,
                    TestData.CUSTOMER,
                    TestData.PRODUCT,
                    "OLD",
                    Option.none(),
                    Option.some(Instant.parse("2020-01-01T00:00:00Z"))))
            .get();

    assertThat(expired.status(clock.instant()))
        .isEqualTo(dev.licensekeys.domain.model.LicenseKeyStatus.EXPIRED);
  }
}

package dev.licensekeys.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.fixtures.MutableClock;
import dev.licensekeys.domain.fixtures.OutPorts;
import dev.licensekeys.domain.fixtures.PortCalls;
import dev.licensekeys.domain.fixtures.Services;
import dev.licensekeys.domain.fixtures.TestData;
import dev.licensekeys.domain.inmemory.InMemoryAdapters;
import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.AuditOperation;
import dev.licensekeys.domain.model.FieldChange;
import dev.licensekeys.domain.model.FieldProblem;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.LicenseKeyError;
import dev.licensekeys.domain.model.LicenseKeyError.Resource;
import dev.licensekeys.domain.model.LicenseKeyInstance;
import dev.licensekeys.domain.model.LicenseKeyStatus;
import dev.licensekeys.domain.patch.Change;
import dev.licensekeys.domain.patch.LicenseKeyPatch;
import dev.licensekeys.domain.port.in.ActivateLicenseCommand;
import dev.licensekeys.domain.port.in.Activation;
import dev.licensekeys.domain.port.in.DeactivateLicenseCommand;
import dev.licensekeys.domain.port.in.UpdateLicenseKeyCommand;
import dev.licensekeys.domain.port.in.ValidateLicenseCommand;
import dev.licensekeys.domain.port.out.LicenseKeyInstances;
import dev.licensekeys.domain.port.out.LicenseKeys;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LicensingServiceTest {

  private final MutableClock clock = new MutableClock(TestData.T0);
  private OutPorts ports;
  private LicensingService licensing;

  @BeforeEach
  void setUp() {
    ports = InMemoryAdapters.create();
    TestData.seedDirectories(ports);
    licensing = Services.over(ports, clock).licensing();
  }

  private LicenseKey stored(TestData.LicenseKeyBuilder builder) {
    LicenseKey key = builder.build();
    ports.licenseKeys().add(key, AuditEvent.keyCreated(key, clock.instant(), Option.none()));
    return key;
  }

  private Either<LicenseKeyError, Activation> activate(LicenseKey key) {
    return licensing.activate(new ActivateLicenseCommand(key.key(), "build server"));
  }

  @Test
  void anActivationCreatesAnInstanceAndShowsTheCustomerAndProduct() {
    LicenseKey key = stored(TestData.key(ports.ids().newLicenseKeyId()).limit(1));

    Activation activation = activate(key).get();

    assertThat(activation.instance().licenseKeyId()).isEqualTo(key.id());
    assertThat(activation.instance().name()).isEqualTo("build server");
    assertThat(activation.instance().createdAt()).isEqualTo(TestData.T0);
    assertThat(activation.customer()).isEqualTo(TestData.customer(TestData.BUSINESS));
    assertThat(activation.product()).isEqualTo(TestData.product(TestData.BUSINESS));
    AuditEvent event = ports.auditTrail().eventsOf(TestData.BUSINESS, key.id()).last();
    assertThat(event.operation()).isEqualTo(AuditOperation.ACTIVATE);
    assertThat(event.apiKeyId()).isEmpty();
    assertThat(event.changes())
        .containsExactly(
            new FieldChange("instances_count", Option.some("0"), Option.some("1")),
            new FieldChange("instance", Option.none(), Option.some(activation.instance().id())));
  }

  @Test
  void anUnknownKeyStringIsNotFound() {
    assertThat(licensing.activate(new ActivateLicenseCommand("nope", "m")))
        .isEqualTo(Either.left(LicenseKeyError.NotFound.licenseKeyByKey()));
    assertThat(licensing.deactivate(new DeactivateLicenseCommand("nope", "lki_1")))
        .isEqualTo(Either.left(LicenseKeyError.NotFound.licenseKeyByKey()));
  }

  @Test
  void anInactiveKeyIsRefused() {
    LicenseKey disabled = stored(TestData.key(ports.ids().newLicenseKeyId()).disabled(true));
    LicenseKey expired = stored(TestData.key(ports.ids().newLicenseKeyId()).expiresAt(TestData.T0));

    assertThat(activate(disabled))
        .isEqualTo(
            Either.left(
                new LicenseKeyError.InactiveLicenseKey(disabled.id(), LicenseKeyStatus.DISABLED)));
    assertThat(activate(expired))
        .isEqualTo(
            Either.left(
                new LicenseKeyError.InactiveLicenseKey(expired.id(), LicenseKeyStatus.EXPIRED)));
  }

  @Test
  void aFullKeyIsRefusedAndKeepsItsCount() {
    LicenseKey key = stored(TestData.key(ports.ids().newLicenseKeyId()).limit(1));
    activate(key);

    assertThat(activate(key)).isEqualTo(Either.left(new LicenseKeyError.LimitReached(key.id(), 1)));
    assertThat(ports.licenseKeys().findById(TestData.BUSINESS, key.id()).get().instancesCount())
        .isEqualTo(1);
  }

  @Test
  void anActivationWhoseProductIsMissingTakesNoSeat() {
    LicenseKey key = stored(TestData.key(ports.ids().newLicenseKeyId()).product("pdt_gone"));

    assertThat(activate(key))
        .isEqualTo(Either.left(LicenseKeyError.NotFound.of(Resource.PRODUCT, "pdt_gone")));
    assertThat(ports.licenseKeys().findById(TestData.BUSINESS, key.id()).get().instancesCount())
        .isZero();
  }

  @Test
  void anActivationNamesEveryBlankField() {
    assertThat(licensing.activate(new ActivateLicenseCommand(" ", null)))
        .isEqualTo(
            Either.left(
                new LicenseKeyError.InvalidInput(
                    List.of(
                        new FieldProblem("license_key", "must not be blank"),
                        new FieldProblem("name", "must not be blank")))));
  }

  @Test
  void aDeactivationFreesTheSeatEvenOfADisabledOrExpiredKey() {
    LicenseKey key = stored(TestData.key(ports.ids().newLicenseKeyId()).limit(1));
    LicenseKeyInstance instance = activate(key).get().instance();
    Services.over(ports, clock)
        .licenseKeys()
        .update(
            new UpdateLicenseKeyCommand(
                TestData.CALLER,
                key.id(),
                LicenseKeyPatch.KEEP_ALL
                    .withDisabled(Change.set(true))
                    .withExpiresAt(Change.set(TestData.T0))))
        .get();
    clock.advance(Duration.ofDays(1));

    LicenseKey released =
        licensing.deactivate(new DeactivateLicenseCommand(key.key(), instance.id())).get();

    assertThat(released.instancesCount()).isZero();
    assertThat(ports.instances().findById(TestData.BUSINESS, instance.id())).isEmpty();
  }

  @Test
  void anInstanceOfAnotherKeyCannotBeDeactivatedThroughThisOne() {
    LicenseKey mine = stored(TestData.key(ports.ids().newLicenseKeyId()));
    LicenseKey other = stored(TestData.key(ports.ids().newLicenseKeyId()));
    LicenseKeyInstance othersInstance = activate(other).get().instance();

    assertThat(licensing.deactivate(new DeactivateLicenseCommand(mine.key(), othersInstance.id())))
        .isEqualTo(
            Either.left(
                new LicenseKeyError.InstanceNotOfLicenseKey(mine.id(), othersInstance.id())));
  }

  @Test
  void anInstanceIdOfAnotherShapeIsRefusedWithoutAskingTheStore() {
    LicenseKey key = stored(TestData.key(ports.ids().newLicenseKeyId()));
    String mine = activate(key).get().instance().id();
    java.util.List<String> calls = new java.util.ArrayList<>();
    LicensingService asking =
        new LicensingService(
            PortCalls.recorded(LicenseKeys.class, ports.licenseKeys(), calls),
            PortCalls.recorded(LicenseKeyInstances.class, ports.instances(), calls),
            ports.customers(),
            ports.products(),
            ports.ids(),
            clock);
    String nul = "lki\0" + mine.substring(4);

    assertThat(asking.deactivate(new DeactivateLicenseCommand(key.key(), nul)))
        .isEqualTo(Either.left(new LicenseKeyError.InstanceNotOfLicenseKey(key.id(), nul)));
    assertThat(asking.validate(new ValidateLicenseCommand(key.key(), Option.some(nul))))
        .isEqualTo(Either.right(false));
    assertThat(calls).containsExactly("findByKey", "findByKey");
    assertThat(asking.validate(new ValidateLicenseCommand(key.key(), Option.some(mine))))
        .isEqualTo(Either.right(true));
    assertThat(asking.deactivate(new DeactivateLicenseCommand(key.key(), mine)).map(LicenseKey::id))
        .isEqualTo(Either.right(key.id()));
    assertThat(calls)
        .containsExactly(
            "findByKey", "findByKey", "findByKey", "findById", "findByKey", "releaseSeat");
  }

  @Test
  void aKeyIsValidWhenItIsActiveAndTheInstanceIsItsOwn() {
    LicenseKey key =
        stored(TestData.key(ports.ids().newLicenseKeyId()).expiresAt(TestData.T0.plusSeconds(60)));
    LicenseKey other = stored(TestData.key(ports.ids().newLicenseKeyId()));
    String mine = activate(key).get().instance().id();
    String theirs = activate(other).get().instance().id();

    assertThat(validate(key.key(), Option.none())).isEqualTo(Either.right(true));
    assertThat(validate(key.key(), Option.some(mine))).isEqualTo(Either.right(true));
    assertThat(validate(key.key(), Option.some(theirs))).isEqualTo(Either.right(false));
    assertThat(validate(key.key(), Option.some("lki_x"))).isEqualTo(Either.right(false));
    assertThat(validate("nope", Option.none())).isEqualTo(Either.right(false));
    clock.advance(Duration.ofSeconds(60));
    assertThat(validate(key.key(), Option.some(mine))).isEqualTo(Either.right(false));
  }

  @Test
  void aBlankKeyCannotBeValidated() {
    assertThat(validate("", Option.none()))
        .isEqualTo(
            Either.left(
                new LicenseKeyError.InvalidInput(
                    List.of(new FieldProblem("license_key", "must not be blank")))));
  }

  private Either<LicenseKeyError, Boolean> validate(String key, Option<String> instance) {
    return licensing.validate(new ValidateLicenseCommand(key, instance));
  }
}

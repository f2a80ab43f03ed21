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
import dev.licensekeys.domain.model.FieldProblem;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.LicenseKeyError;
import dev.licensekeys.domain.model.LicenseKeyError.Resource;
import dev.licensekeys.domain.model.LicenseKeyInstance;
import dev.licensekeys.domain.port.in.ActivateLicenseCommand;
import dev.licensekeys.domain.port.in.ListLicenseKeyInstancesQuery;
import dev.licensekeys.domain.port.in.RenameLicenseKeyInstanceCommand;
import dev.licensekeys.domain.port.out.LicenseKeyInstances;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LicenseKeyInstanceServiceTest {

  private final MutableClock clock = new MutableClock(TestData.T0);
  private OutPorts ports;
  private Services services;
  private LicenseKeyInstance instance;

  @BeforeEach
  void setUp() {
    ports = InMemoryAdapters.create();
    TestData.seedDirectories(ports);
    services = Services.over(ports, clock);
    LicenseKey key = TestData.key(ports.ids().newLicenseKeyId()).build();
    ports.licenseKeys().add(key, AuditEvent.keyCreated(key, clock.instant(), Option.none()));
    instance =
        services
            .licensing()
            .activate(new ActivateLicenseCommand(key.key(), "old"))
            .get()
            .instance();
  }

  private Either<LicenseKeyError, LicenseKeyInstance> rename(String name) {
    return services
        .instances()
        .rename(new RenameLicenseKeyInstanceCommand(TestData.CALLER, instance.id(), name));
  }

  @Test
  void anIdOfAnotherShapeIsNotFoundWithoutAskingTheStore() {
    java.util.List<String> calls = new java.util.ArrayList<>();
    LicenseKeyInstanceService asking =
        new LicenseKeyInstanceService(
            PortCalls.recorded(LicenseKeyInstances.class, ports.instances(), calls), clock);
    String nul = "lki\0" + instance.id().substring(4);

    assertThat(asking.get(TestData.CALLER, nul))
        .isEqualTo(Either.left(LicenseKeyError.NotFound.of(Resource.LICENSE_KEY_INSTANCE, nul)));
    assertThat(asking.rename(new RenameLicenseKeyInstanceCommand(TestData.CALLER, nul, "new")))
        .isEqualTo(Either.left(LicenseKeyError.NotFound.of(Resource.LICENSE_KEY_INSTANCE, nul)));
    assertThat(calls).isEmpty();
    assertThat(asking.get(TestData.CALLER, instance.id())).isEqualTo(Either.right(instance));
    assertThat(calls).containsExactly("findById");
  }

  @Test
  void anInstanceIsFoundInItsBusinessOnly() {
    assertThat(services.instances().get(TestData.CALLER, instance.id()))
        .isEqualTo(Either.right(instance));
    assertThat(services.instances().get(TestData.OTHER_CALLER, instance.id()))
        .isEqualTo(
            Either.left(LicenseKeyError.NotFound.of(Resource.LICENSE_KEY_INSTANCE, instance.id())));
  }

  @Test
  void renamingStoresTheNameWithAnEvent() {
    assertThat(rename("new")).isEqualTo(Either.right(instance.withName("new")));
    AuditEvent event = ports.auditTrail().eventsOf(TestData.BUSINESS, instance.id()).single();
    assertThat(event.operation()).isEqualTo(AuditOperation.RENAME_INSTANCE);
    assertThat(event.apiKeyId()).containsExactly(TestData.CALLER.apiKeyId());
  }

  @Test
  void renamingToTheSameNameWritesNothing() {
    assertThat(rename("old")).isEqualTo(Either.right(instance));
    assertThat(ports.auditTrail().eventsOf(TestData.BUSINESS, instance.id())).isEmpty();
  }

  @Test
  void aNameMustBeSomeTextOfAtMost255Characters() {
    assertThat(rename("  "))
        .isEqualTo(
            Either.left(
                new LicenseKeyError.InvalidInput(
                    List.of(new FieldProblem("name", "must not be blank")))));
    assertThat(rename("x".repeat(256)).getLeft()).isInstanceOf(LicenseKeyError.InvalidInput.class);
    assertThat(rename("x".repeat(255))).isEqualTo(Either.right(instance.withName("x".repeat(255))));
  }

  @Test
  void anotherBusinessCannotRenameTheInstance() {
    assertThat(
            services
                .instances()
                .rename(
                    new RenameLicenseKeyInstanceCommand(
                        TestData.OTHER_CALLER, instance.id(), "mine now")))
        .isEqualTo(
            Either.left(LicenseKeyError.NotFound.of(Resource.LICENSE_KEY_INSTANCE, instance.id())));
  }

  @Test
  void listingChecksThePage() {
    assertThat(
            services
                .instances()
                .list(
                    new ListLicenseKeyInstancesQuery(
                        TestData.CALLER, Option.some(instance.licenseKeyId()), 10, 0)))
        .isEqualTo(Either.right(List.of(instance)));
    assertThat(
            services
                .instances()
                .list(new ListLicenseKeyInstancesQuery(TestData.CALLER, Option.none(), 10, -1)))
        .isEqualTo(
            Either.left(
                new LicenseKeyError.InvalidQuery(
                    List.of(new FieldProblem("page_number", "must be 0 or more")))));
  }
}

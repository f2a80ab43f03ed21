package dev.licensekeys.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.fixtures.TestData;
import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.LicenseKeyInstance;
import dev.licensekeys.domain.model.PageRequest;
import dev.licensekeys.domain.port.in.ActivateLicenseCommand;
import dev.licensekeys.domain.port.in.DeactivateLicenseCommand;
import io.vavr.control.Option;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What every {@code LicenseKeyInstances} adapter must do. */
public abstract class LicenseKeyInstancesContract extends OutPortsContract {

  @Test
  void anActivatedInstanceIsFoundInItsBusinessOnly() {
    LicenseKey key = stored(newKey());
    LicenseKeyInstance instance = activate(key, "build server");

    assertThat(ports.instances().findById(TestData.BUSINESS, instance.id()))
        .containsExactly(instance);
    assertThat(ports.instances().findById(TestData.OTHER_BUSINESS, instance.id())).isEmpty();
    assertThat(instance.createdAt()).isEqualTo(clock.instant());
  }

  @Test
  void listShowsNewestFirstFilteredByKeyAndPaged() {
    LicenseKey first = stored(newKey());
    LicenseKey second = stored(newKey());
    LicenseKeyInstance a = activate(first, "a");
    LicenseKeyInstance b = activate(second, "b");
    LicenseKeyInstance c = activate(first, "c");

    assertThat(ports.instances().list(TestData.BUSINESS, Option.none(), PageRequest.FIRST))
        .containsExactly(c, b, a);
    assertThat(
            ports.instances().list(TestData.BUSINESS, Option.some(first.id()), PageRequest.FIRST))
        .containsExactly(c, a);
    assertThat(ports.instances().list(TestData.BUSINESS, Option.none(), new PageRequest(2, 1)))
        .containsExactly(a);
    assertThat(ports.instances().list(TestData.OTHER_BUSINESS, Option.none(), PageRequest.FIRST))
        .isEmpty();
    assertThat(
            ports
                .instances()
                .list(
                    TestData.BUSINESS,
                    Option.none(),
                    new PageRequest(PageRequest.MAX_SIZE, Integer.MAX_VALUE)))
        .as("the last page there can be")
        .isEmpty();
  }

  @Test
  void aDeactivatedInstanceIsGone() {
    LicenseKey key = stored(newKey());
    LicenseKeyInstance instance = activate(key, "laptop");

    services.licensing().deactivate(new DeactivateLicenseCommand(key.key(), instance.id()));

    assertThat(ports.instances().findById(TestData.BUSINESS, instance.id())).isEmpty();
  }

  @Test
  void renamingStoresTheNameAndItsEvent() {
    LicenseKey key = stored(newKey());
    LicenseKeyInstance instance = activate(key, "old");
    LicenseKeyInstance renamed = instance.withName("new");
    AuditEvent event =
        AuditEvent.instanceRenamed(instance, renamed, clock.instant(), Option.some("key_test"));

    assertThat(ports.instances().rename(renamed, event)).containsExactly(renamed);
    assertThat(ports.instances().findById(TestData.BUSINESS, instance.id()))
        .containsExactly(renamed);
    assertThat(ports.auditTrail().eventsOf(TestData.BUSINESS, instance.id()))
        .containsExactly(event);
  }

  @Test
  void renamingAnInstanceThatIsGoneStoresNothing() {
    LicenseKey key = stored(newKey());
    LicenseKeyInstance ghost = TestData.instance(ports.ids().newInstanceId(), key, clock.instant());

    assertThat(
            ports
                .instances()
                .rename(
                    ghost,
                    AuditEvent.instanceRenamed(ghost, ghost, clock.instant(), Option.none())))
        .isEmpty();
    assertThat(ports.auditTrail().eventsOf(TestData.BUSINESS, ghost.id())).isEmpty();
  }

  private LicenseKeyInstance activate(LicenseKey key, String name) {
    clock.advance(Duration.ofSeconds(1));
    return services
        .licensing()
        .activate(new ActivateLicenseCommand(key.key(), name))
        .map(activation -> activation.instance())
        .getOrElseThrow(error -> new AssertionError(error.message()));
  }
}

package dev.licensekeys.domain.contract;

import dev.licensekeys.domain.fixtures.MutableClock;
import dev.licensekeys.domain.fixtures.OutPorts;
import dev.licensekeys.domain.fixtures.Services;
import dev.licensekeys.domain.fixtures.TestData;
import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.LicenseKey;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of every out-port contract: a fresh, empty store per test, with the test businesses'
 * customer and product in it. An adapter's test extends a contract and says how to make a store.
 */
public abstract class OutPortsContract {

  protected OutPorts ports;
  protected MutableClock clock;
  protected Services services;

  /** A store with nothing in it, ready for one test. */
  protected abstract OutPorts newPorts();

  @BeforeEach
  void freshStore() {
    ports = newPorts();
    clock = new MutableClock(TestData.T0.plusSeconds(3600));
    services = Services.over(ports, clock);
    TestData.seedDirectories(ports);
  }

  protected TestData.LicenseKeyBuilder newKey() {
    return TestData.key(ports.ids().newLicenseKeyId());
  }

  /** Adds a key straight through the port, as an import would. */
  protected LicenseKey stored(TestData.LicenseKeyBuilder builder) {
    LicenseKey key = builder.build();
    return ports
        .licenseKeys()
        .add(key, AuditEvent.keyCreated(key, clock.instant(), Option.none()))
        .getOrElseThrow(error -> new AssertionError("could not add a key: " + error));
  }
}

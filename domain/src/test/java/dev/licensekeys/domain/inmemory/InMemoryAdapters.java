package dev.licensekeys.domain.inmemory;

import dev.licensekeys.domain.fixtures.OutPorts;

/** Every out-port in memory, sharing one store, so that a write to several is one write. */
public final class InMemoryAdapters {

  private InMemoryAdapters() {}

  public static OutPorts create() {
    InMemoryState state = new InMemoryState();
    return new OutPorts(
        new InMemoryLicenseKeys(state),
        new InMemoryLicenseKeyInstances(state),
        new InMemoryCustomers(state),
        new InMemoryProducts(state),
        new InMemoryAuditTrail(state),
        new SequentialIds(),
        new InMemoryBulkImports(state));
  }
}

package dev.licensekeys.domain.inmemory;

import dev.licensekeys.domain.contract.AuditTrailContract;
import dev.licensekeys.domain.fixtures.OutPorts;

class InMemoryAuditTrailTest extends AuditTrailContract {

  @Override
  protected OutPorts newPorts() {
    return InMemoryAdapters.create();
  }
}

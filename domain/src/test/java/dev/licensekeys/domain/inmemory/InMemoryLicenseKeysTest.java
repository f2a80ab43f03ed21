package dev.licensekeys.domain.inmemory;

import dev.licensekeys.domain.contract.LicenseKeysContract;
import dev.licensekeys.domain.fixtures.OutPorts;

class InMemoryLicenseKeysTest extends LicenseKeysContract {

  @Override
  protected OutPorts newPorts() {
    return InMemoryAdapters.create();
  }
}

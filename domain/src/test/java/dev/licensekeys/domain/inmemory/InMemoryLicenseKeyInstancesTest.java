package dev.licensekeys.domain.inmemory;

import dev.licensekeys.domain.contract.LicenseKeyInstancesContract;
import dev.licensekeys.domain.fixtures.OutPorts;

class InMemoryLicenseKeyInstancesTest extends LicenseKeyInstancesContract {

  @Override
  protected OutPorts newPorts() {
    return InMemoryAdapters.create();
  }
}

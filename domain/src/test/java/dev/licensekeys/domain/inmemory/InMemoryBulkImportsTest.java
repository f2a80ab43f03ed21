package dev.licensekeys.domain.inmemory;

import dev.licensekeys.domain.contract.BulkImportsContract;
import dev.licensekeys.domain.fixtures.OutPorts;

class InMemoryBulkImportsTest extends BulkImportsContract {

  @Override
  protected OutPorts newPorts() {
    return InMemoryAdapters.create();
  }
}

package dev.licensekeys.domain.inmemory;

import dev.licensekeys.domain.contract.DirectoriesContract;
import dev.licensekeys.domain.fixtures.OutPorts;

class InMemoryDirectoriesTest extends DirectoriesContract {

  @Override
  protected OutPorts newPorts() {
    return InMemoryAdapters.create();
  }
}

package dev.licensekeys.domain.inmemory;

import dev.licensekeys.domain.contract.ConcurrencyContract;
import dev.licensekeys.domain.fixtures.OutPorts;

class InMemoryConcurrencyTest extends ConcurrencyContract {

  @Override
  protected OutPorts newPorts() {
    return InMemoryAdapters.create();
  }
}

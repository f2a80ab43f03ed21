package dev.licensekeys.domain.inmemory;

import dev.licensekeys.domain.contract.IdGeneratorContract;
import dev.licensekeys.domain.port.out.IdGenerator;

class SequentialIdsTest extends IdGeneratorContract {

  @Override
  protected IdGenerator newGenerator() {
    return new SequentialIds();
  }
}

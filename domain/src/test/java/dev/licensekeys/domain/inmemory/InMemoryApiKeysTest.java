package dev.licensekeys.domain.inmemory;

import dev.licensekeys.domain.contract.ApiKeysContract;
import dev.licensekeys.domain.port.out.ApiKeys;

class InMemoryApiKeysTest extends ApiKeysContract {

  @Override
  protected ApiKeys newApiKeys() {
    return new InMemoryApiKeys();
  }
}

package dev.licensekeys.domain.inmemory;

import dev.licensekeys.domain.contract.IdempotencyRecordsContract;
import dev.licensekeys.domain.port.out.IdempotencyRecords;

class InMemoryIdempotencyRecordsTest extends IdempotencyRecordsContract {

  @Override
  protected IdempotencyRecords newRecords() {
    return new InMemoryIdempotencyRecords();
  }
}

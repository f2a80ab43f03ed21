package dev.licensekeys.persistence;

import dev.licensekeys.domain.contract.ApiKeysContract;
import dev.licensekeys.domain.contract.AuditTrailContract;
import dev.licensekeys.domain.contract.BulkImportsContract;
import dev.licensekeys.domain.contract.ConcurrencyContract;
import dev.licensekeys.domain.contract.DirectoriesContract;
import dev.licensekeys.domain.contract.IdGeneratorContract;
import dev.licensekeys.domain.contract.IdempotencyRecordsContract;
import dev.licensekeys.domain.contract.LicenseKeyInstancesContract;
import dev.licensekeys.domain.contract.LicenseKeysContract;
import dev.licensekeys.domain.fixtures.OutPorts;
import dev.licensekeys.domain.port.out.ApiKeys;
import dev.licensekeys.domain.port.out.IdGenerator;
import dev.licensekeys.domain.port.out.IdempotencyRecords;
import org.junit.jupiter.api.Nested;

/** The domain's out-port contracts, against one database; a subclass says which. */
abstract class JdbcContracts {

  /** The database, migrated; each test empties it first. */
  abstract Database database();

  OutPorts ports() {
    return TestDatabases.emptied(database());
  }

  @Nested
  class LicenseKeys extends LicenseKeysContract {
    @Override
    protected OutPorts newPorts() {
      return ports();
    }
  }

  @Nested
  class Instances extends LicenseKeyInstancesContract {
    @Override
    protected OutPorts newPorts() {
      return ports();
    }
  }

  @Nested
  class Directories extends DirectoriesContract {
    @Override
    protected OutPorts newPorts() {
      return ports();
    }
  }

  @Nested
  class AuditTrail extends AuditTrailContract {
    @Override
    protected OutPorts newPorts() {
      return ports();
    }
  }

  @Nested
  class Concurrency extends ConcurrencyContract {
    @Override
    protected OutPorts newPorts() {
      return ports();
    }

    @Override
    protected int patchesPerThread() {
      return 500;
    }
  }

  @Nested
  class Bulk extends BulkImportsContract {
    @Override
    protected OutPorts newPorts() {
      return ports();
    }
  }

  @Nested
  class ApiKeyStore extends ApiKeysContract {
    @Override
    protected ApiKeys newApiKeys() {
      TestDatabases.truncateAll(database());
      return JdbcAdapters.over(database()).apiKeys();
    }
  }

  @Nested
  class Idempotency extends IdempotencyRecordsContract {
    @Override
    protected IdempotencyRecords newRecords() {
      return JdbcAdapters.over(database()).idempotencyRecords();
    }
  }

  @Nested
  class Ids extends IdGeneratorContract {
    @Override
    protected IdGenerator newGenerator() {
      return new SecureRandomIds();
    }
  }
}

package dev.licensekeys.persistence;

/** The domain's out-port contracts, against PostgreSQL; skipped loudly when it is not there. */
class PostgresContractsTest extends JdbcContracts {

  @Override
  Database database() {
    return TestDatabases.postgres();
  }
}

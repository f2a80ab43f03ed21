package dev.licensekeys.persistence;

/** The domain's out-port contracts, against H2 in PostgreSQL mode. */
class H2ContractsTest extends JdbcContracts {

  @Override
  Database database() {
    return TestDatabases.h2();
  }
}

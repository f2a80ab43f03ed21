package dev.licensekeys.persistence;

/** Every out-port of the domain over one database, for the app to wire. */
public record JdbcAdapters(
    JdbcLicenseKeys licenseKeys,
    JdbcLicenseKeyInstances instances,
    JdbcCustomers customers,
    JdbcProducts products,
    JdbcAuditTrail auditTrail,
    JdbcApiKeys apiKeys,
    SecureRandomIds ids,
    JdbcBulkImports bulkImports,
    JdbcIdempotencyRecords idempotencyRecords) {

  public static JdbcAdapters over(Database database) {
    Transactions transactions = database.transactions();
    return new JdbcAdapters(
        new JdbcLicenseKeys(transactions, !database.isH2()),
        new JdbcLicenseKeyInstances(transactions),
        new JdbcCustomers(transactions),
        new JdbcProducts(transactions),
        new JdbcAuditTrail(transactions),
        new JdbcApiKeys(transactions),
        new SecureRandomIds(),
        new JdbcBulkImports(transactions, !database.isH2()),
        new JdbcIdempotencyRecords(transactions));
  }
}

package dev.licensekeys.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** A connection pool on a migrated database. Migrations run at every open; they are idempotent. */
public final class Database implements AutoCloseable {

  private final HikariDataSource dataSource;
  private final Transactions transactions;

  private Database(HikariDataSource dataSource) {
    this.dataSource = dataSource;
    this.transactions = new Transactions(dataSource);
  }

  public static Database open(DatabaseSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.jdbcUrl());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.maxPoolSize());
    config.setPoolName("license-keys");
    config.setAutoCommit(true);
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      migrate(dataSource);
      return new Database(dataSource);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  static void migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }

  public DataSource dataSource() {
    return dataSource;
  }

  Transactions transactions() {
    return transactions;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}

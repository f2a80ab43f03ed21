package dev.licensekeys.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** A connection pool on a migrated database. Migrations run at every open; they are idempotent. */
public final class Database implements AutoCloseable {

  /** How long a request waits for a connection before it fails, so no request hangs. */
  static final long CONNECTION_TIMEOUT_MILLIS = 1_500;

  private final HikariDataSource dataSource;
  private final Transactions transactions;
  private final int migrations;
  private final Optional<H2FileCompaction> compaction;
  private final boolean h2;

  private Database(
      HikariDataSource dataSource,
      int migrations,
      Optional<H2FileCompaction> compaction,
      boolean h2) {
    this.dataSource = dataSource;
    this.transactions = new Transactions(dataSource);
    this.migrations = migrations;
    this.compaction = compaction;
    this.h2 = h2;
  }

  public static Database open(DatabaseSettings settings) {
    return open(settings, null);
  }

  /**
   * H2's auto-server, which lets the CLI share the file with a running service, listens on every
   * network interface (H2 starts it with {@code -tcpAllowOthers}), guarded only by the key in the
   * lock file. Only processes on this machine share the file, so it listens on loopback alone. An
   * operator's own {@code -Dh2.bindAddress} is kept. H2 reads the property once, when its first
   * class that needs it loads: so before the pool opens.
   */
  static void keepH2ServersLocal() {
    if (System.getProperty(H2_BIND_ADDRESS) == null) {
      System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
    }
  }

  static final String H2_BIND_ADDRESS = "h2.bindAddress";

  /**
   * Opens the pool and migrates. {@code meterRegistry}, when not null, is a Micrometer {@code
   * MeterRegistry} that receives the pool's metrics (HikariCP takes it untyped).
   */
  public static Database open(DatabaseSettings settings, Object meterRegistry) {
    if (settings.isH2()) {
      keepH2ServersLocal();
      DurableFiles.register();
    }
    // Configured in place: a separate HikariConfig is copied field by field through reflection,
    // 30 to 40 ms of a cold start. The pool opens at the first connection, which migrate asks for.
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(DurableFiles.url(settings.jdbcUrl()));
    dataSource.setUsername(settings.user());
    dataSource.setPassword(settings.password());
    dataSource.setMaximumPoolSize(settings.maxPoolSize());
    dataSource.setPoolName("license-keys");
    dataSource.setAutoCommit(true);
    dataSource.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    dataSource.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
    dataSource.setValidationTimeout(1_000);
    if (settings.isH2()) {
      dataSource.setExceptionOverride(new H2ClosedDatabase());
    } else {
      dataSource.addDataSourceProperty("connectTimeout", "2");
      dataSource.addDataSourceProperty("ApplicationName", "license-keys");
    }
    if (meterRegistry != null) {
      dataSource.setMetricRegistry(meterRegistry);
    }
    try {
      int migrations = migrate(dataSource, settings.isH2());
      return new Database(
          dataSource,
          migrations,
          settings.isH2() ? H2FileCompaction.start(dataSource) : Optional.empty(),
          settings.isH2());
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  /**
   * Applies what is pending and returns how many versioned migrations the schema's history records
   * (one, B7, for a database B7 made); {@code h2} picks how the migrations spell what H2 and
   * PostgreSQL write differently.
   */
  static int migrate(DataSource dataSource, boolean h2) {
    migrations(dataSource, h2).load().migrate();
    try (Connection connection = dataSource.getConnection()) {
      return appliedMigrations(connection);
    } catch (SQLException e) {
      throw new DataAccessException("reading the applied migrations failed", e);
    }
  }

  /**
   * The schema's migrations: a new database runs the baseline B7 and what follows it, one made
   * before runs what it has not yet run (see B7).
   */
  static FluentConfiguration migrations(DataSource dataSource, boolean h2) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .placeholders(placeholders(h2));
  }

  /** What the migrations spell differently in H2 and PostgreSQL (V6, V7, B7). */
  private static Map<String, String> placeholders(boolean h2) {
    String stateColumns = "activations_limit, instances_count, disabled, expires_at, version";
    return Map.of(
        "drop_state_columns",
        h2
            ? "DROP COLUMN (" + stateColumns + ")"
            : "DROP COLUMN " + stateColumns.replace(", ", ", DROP COLUMN "),
        "audit_id_cache",
        h2 ? "1000" : "1");
  }

  /** Reachable, and at the schema version this build expects. Never waits long. */
  public boolean ready() {
    try (Connection connection = dataSource.getConnection()) {
      return appliedMigrations(connection) == migrations;
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  private static int appliedMigrations(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(2);
      try (ResultSet row =
          statement.executeQuery(
              "SELECT COUNT(*) FROM flyway_schema_history"
                  + " WHERE success = TRUE AND version IS NOT NULL")) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  Transactions transactions() {
    return transactions;
  }

  boolean isH2() {
    return h2;
  }

  Optional<H2FileCompaction> compaction() {
    return compaction;
  }

  @Override
  public void close() {
    compaction.ifPresent(H2FileCompaction::close);
    dataSource.close();
  }
}

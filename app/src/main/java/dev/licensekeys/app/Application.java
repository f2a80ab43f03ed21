package dev.licensekeys.app;

import dev.licensekeys.domain.service.LicenseKeyInstanceService;
import dev.licensekeys.domain.service.LicenseKeyService;
import dev.licensekeys.domain.service.LicensingService;
import dev.licensekeys.http.Authenticator;
import dev.licensekeys.http.HttpApi;
import dev.licensekeys.http.Operations;
import dev.licensekeys.http.RequestDecoder;
import dev.licensekeys.http.UseCases;
import dev.licensekeys.persistence.DataAccessException;
import dev.licensekeys.persistence.Database;
import dev.licensekeys.persistence.ExpiredIdempotencyRecords;
import dev.licensekeys.persistence.JdbcAdapters;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The service, wired by constructor: database, adapters, use cases, routes, server. */
public final class Application implements AutoCloseable {

  private final Database database;
  private final JdbcAdapters adapters;
  private final WebServer server;
  private final AccessLogWriter accessLog;
  private final HttpApi api;
  private final ExpiredIdempotencyRecords expiredIdempotencyRecords;

  private Application(
      Database database,
      JdbcAdapters adapters,
      WebServer server,
      AccessLogWriter accessLog,
      HttpApi api,
      ExpiredIdempotencyRecords expiredIdempotencyRecords) {
    this.database = database;
    this.adapters = adapters;
    this.server = server;
    this.accessLog = accessLog;
    this.api = api;
    this.expiredIdempotencyRecords = expiredIdempotencyRecords;
  }

  /**
   * Starts on the configured port ({@link #port()}); the demo seed's lines go to {@code out}, the
   * access log to {@code accessLogOut}, one JSON line a request. Saying where it listens is the
   * caller's: the command line says it once signals are handled.
   */
  public static Application start(
      Configuration configuration, Clock clock, PrintStream out, PrintStream accessLogOut) {
    Metrics metrics = new Metrics();
    // Opening the database is most of a start. Helidon's first routing builder (which loads its
    // service registry) and the request validator need no database: they are built beside it.
    CompletableFuture<HttpRouting.Builder> routing =
        CompletableFuture.supplyAsync(HttpRouting::builder);
    CompletableFuture<RequestDecoder> decoder = CompletableFuture.supplyAsync(RequestDecoder::new);
    Database database = Database.open(configuration.database(), metrics.registry());
    AccessLogWriter accessLog = new AccessLogWriter(accessLogOut);
    try {
      JdbcAdapters adapters = JdbcAdapters.over(database);
      if (configuration.database().isH2()) {
        DemoSeed.seedIfEmpty(adapters, clock, out);
      }
      Operations operations =
          new Operations(
              database::ready,
              metrics::scrape,
              metrics,
              accessLog,
              Application::databaseUnavailable,
              configuration.rateLimit());
      HttpApi api =
          new HttpApi(
              metrics.counting(useCases(adapters, clock)),
              new Authenticator(adapters.apiKeys(), clock),
              clock,
              operations,
              adapters.idempotencyRecords(),
              decoder.join());
      HttpRouting.Builder routes = routing.join();
      api.register(routes);
      WebServer server =
          api.configure(
                  WebServer.builder()
                      .port(configuration.port())
                      .shutdownHook(false)
                      .idleConnectionTimeout(configuration.idleConnectionTimeout())
                      .idleConnectionPeriod(idleCheckEvery(configuration.idleConnectionTimeout()))
                      .routing(routes))
              .build()
              .start();
      if (!server.isRunning()) {
        throw new IllegalStateException(
            "Address already in use: the web server could not bind port " + configuration.port());
      }
      return new Application(
          database,
          adapters,
          server,
          accessLog,
          api,
          ExpiredIdempotencyRecords.start(adapters.idempotencyRecords(), clock));
    } catch (RuntimeException e) {
      accessLog.close();
      database.close();
      throw e;
    }
  }

  static UseCases useCases(JdbcAdapters adapters, Clock clock) {
    LicenseKeyService keys =
        new LicenseKeyService(
            adapters.licenseKeys(),
            adapters.customers(),
            adapters.products(),
            adapters.ids(),
            clock);
    LicenseKeyInstanceService instances =
        new LicenseKeyInstanceService(adapters.instances(), clock);
    LicensingService licensing =
        new LicensingService(
            adapters.licenseKeys(),
            adapters.instances(),
            adapters.customers(),
            adapters.products(),
            adapters.ids(),
            clock);
    return new UseCases(
        keys, keys, keys, keys, instances, instances, instances, licensing, licensing, licensing);
  }

  /**
   * How often Helidon looks for idle connections: its 2 minutes, or the timeout when it is shorter,
   * so that a short timeout is kept to within itself again.
   */
  static Duration idleCheckEvery(Duration idleTimeout) {
    Duration helidons = Duration.ofMinutes(2);
    return idleTimeout.compareTo(helidons) < 0 ? idleTimeout : helidons;
  }

  static boolean databaseUnavailable(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof DataAccessException access && access.isUnavailable()) {
        return true;
      }
    }
    return false;
  }

  public int port() {
    return server.port();
  }

  public JdbcAdapters adapters() {
    return adapters;
  }

  /**
   * Answers new requests 503, lets those in flight finish, stops the server (no more connections),
   * then closes the pool.
   */
  @Override
  public void close() {
    api.beginStop();
    try {
      api.awaitIdle(DRAIN_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.stop();
    expiredIdempotencyRecords.close();
    accessLog.close();
    database.close();
  }

  /** How long requests in flight get to finish once the server stops taking new ones. */
  static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);
}

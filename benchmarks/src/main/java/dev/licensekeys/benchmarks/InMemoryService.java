package dev.licensekeys.benchmarks;

import dev.licensekeys.app.AccessLogWriter;
import dev.licensekeys.app.Metrics;
import dev.licensekeys.domain.fixtures.OutPorts;
import dev.licensekeys.domain.fixtures.TestData;
import dev.licensekeys.domain.inmemory.InMemoryAdapters;
import dev.licensekeys.domain.inmemory.InMemoryApiKeys;
import dev.licensekeys.domain.inmemory.InMemoryIdempotencyRecords;
import dev.licensekeys.domain.model.ApiKey;
import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.service.LicenseKeyInstanceService;
import dev.licensekeys.domain.service.LicenseKeyService;
import dev.licensekeys.domain.service.LicensingService;
import dev.licensekeys.http.Authenticator;
import dev.licensekeys.http.HttpApi;
import dev.licensekeys.http.Operations;
import dev.licensekeys.http.PublicRateLimit;
import dev.licensekeys.http.RequestDecoder;
import dev.licensekeys.http.UseCases;
import io.helidon.webserver.WebServer;
import io.vavr.control.Option;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * The service's HTTP API over the domain's in-memory adapters, for the load benchmark: the same
 * routes, decoding, rules, encoding, meters and access log as the service, with no database. Seeds
 * a key for each id in IDS_FILE (one a line: {@code bench/run} gives the random ids the H2 and
 * PostgreSQL subjects import, shaped as the service makes them); the API key's secret is
 * "bench-secret". PORT from the environment.
 *
 * <p>Not the in-memory adapters' own ids: those count up, and 10,000 of them share 2,632 string
 * hashes, so the key map would search collision chains that random ids never make.
 */
public final class InMemoryService {

  private InMemoryService() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8091"));
    Path idsFile = Path.of(System.getenv().getOrDefault("IDS_FILE", "ids.txt"));
    Clock clock = Clock.systemUTC();
    OutPorts ports = InMemoryAdapters.create();
    TestData.seedDirectories(ports);
    for (String id : Files.readAllLines(idsFile)) {
      if (!id.isBlank()) {
        LicenseKey key = TestData.key(id.strip()).limit(5).build();
        ports.licenseKeys().add(key, AuditEvent.keyCreated(key, clock.instant(), Option.none()));
      }
    }
    InMemoryApiKeys apiKeys = new InMemoryApiKeys();
    apiKeys.add(
        ApiKey.issued(
            "key_bench",
            TestData.BUSINESS,
            Option.none(),
            "bench",
            ApiKey.hashSecret("bench-secret"),
            Instant.now()));
    LicenseKeyService licenseKeys =
        new LicenseKeyService(
            ports.licenseKeys(), ports.customers(), ports.products(), ports.ids(), clock);
    LicenseKeyInstanceService instances = new LicenseKeyInstanceService(ports.instances(), clock);
    LicensingService licensing =
        new LicensingService(
            ports.licenseKeys(),
            ports.instances(),
            ports.customers(),
            ports.products(),
            ports.ids(),
            clock);
    Metrics metrics = new Metrics();
    UseCases useCases =
        metrics.counting(
            new UseCases(
                licenseKeys,
                licenseKeys,
                licenseKeys,
                licenseKeys,
                instances,
                instances,
                instances,
                licensing,
                licensing,
                licensing));
    // The service's own meters and access log (to stdout), as Application wires them: they are
    // work every request of the service does.
    Operations operations =
        new Operations(
            () -> true,
            metrics::scrape,
            metrics,
            new AccessLogWriter(System.out),
            error -> false,
            PublicRateLimit.defaults());
    HttpApi api =
        new HttpApi(
            useCases,
            new Authenticator(apiKeys, clock),
            clock,
            operations,
            new InMemoryIdempotencyRecords(),
            new RequestDecoder());
    WebServer server =
        api.configure(WebServer.builder().port(port).routing(api::register)).build().start();
    System.out.println("in-memory service listening on http://localhost:" + server.port());
  }
}

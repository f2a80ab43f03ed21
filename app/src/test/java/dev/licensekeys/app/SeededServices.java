package dev.licensekeys.app;

import dev.licensekeys.domain.model.ApiKey;
import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.Customer;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.Product;
import dev.licensekeys.domain.model.Source;
import dev.licensekeys.persistence.Database;
import dev.licensekeys.persistence.DatabaseSettings;
import io.vavr.control.Option;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The service on H2 and on PostgreSQL, each seeded with one business, its API key, a customer, a
 * product and a key with a subscription, for the properties that send every request to both:
 * PostgreSQL refuses values that H2 keeps (NUL in text, years past 294276), so a run on H2 alone
 * misses what fails there.
 */
final class SeededServices {

  static final String BUSINESS = "bus_fuzz";
  static final String SECRET = "secret-fuzz";
  static final String REAL_KEY = "lic_fuzz00000000000000001";
  static final String CUSTOMER = "cus_f";
  static final String PRODUCT = "pdt_f";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The service on one database, and a pool of its own on that database to look at it. */
  record Subject(String database, Application application, Database observer) {}

  private SeededServices() {}

  static List<Subject> startOnBothDatabases() throws Exception {
    Subject h2 = startOnH2();
    PostgresEndToEndTest.emptyDatabase();
    Subject postgres =
        start(
            "PostgreSQL",
            new DatabaseSettings(
                PostgresEndToEndTest.URL,
                PostgresEndToEndTest.USER,
                PostgresEndToEndTest.PASSWORD,
                10));
    return List.of(h2, postgres);
  }

  static Subject startOnH2() throws Exception {
    Path file = Path.of("target", "h2", "fuzz-" + UUID.randomUUID()).toAbsolutePath();
    return start("H2", new DatabaseSettings("jdbc:h2:file:" + file, "sa", "", 10));
  }

  private static Subject start(String database, DatabaseSettings settings) throws Exception {
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    Application application =
        Application.start(new Configuration(0, settings), Clock.systemUTC(), quiet, quiet);
    var adapters = application.adapters();
    adapters
        .apiKeys()
        .add(
            ApiKey.issued(
                "key_fuzz",
                BUSINESS,
                Option.none(),
                "fuzz",
                ApiKey.hashSecret(SECRET),
                Instant.now()));
    adapters.customers().put(new Customer(CUSTOMER, BUSINESS, "F", "f@example.com"));
    adapters.products().put(new Product(PRODUCT, BUSINESS, "brnd_f", Option.none()));
    LicenseKey key =
        new LicenseKey(
            REAL_KEY,
            BUSINESS,
            "brnd_f",
            CUSTOMER,
            PRODUCT,
            "FUZZ-KEY",
            Source.IMPORT,
            Option.some(2),
            0,
            false,
            Option.none(),
            Option.none(),
            Option.some("sub_f"),
            Instant.now(),
            1);
    adapters.licenseKeys().add(key, AuditEvent.keyCreated(key, Instant.now(), Option.none()));
    return new Subject(database, application, Database.open(settings));
  }

  static HttpResponse<String> send(
      Application application, String method, String path, List<String> headers, byte[] body)
      throws Exception {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://localhost:" + application.port() + path))
            .timeout(Duration.ofSeconds(10))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    if (!headers.isEmpty()) {
      builder.headers(headers.toArray(String[]::new));
    }
    return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  static void closeAll(List<Subject> subjects) {
    for (Subject subject : subjects) {
      subject.observer().close();
      subject.application().close();
    }
  }
}

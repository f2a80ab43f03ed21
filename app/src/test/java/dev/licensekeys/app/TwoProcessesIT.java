package dev.licensekeys.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.fixtures.Concurrently;
import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.AuditOperation;
import dev.licensekeys.domain.model.FieldChange;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.persistence.Database;
import dev.licensekeys.persistence.DatabaseSettings;
import dev.licensekeys.persistence.JdbcAdapters;
import io.vavr.collection.Seq;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Two service processes on one PostgreSQL, driven over HTTP at once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoProcessesIT {

  private final DatabaseSettings settings =
      new DatabaseSettings(
          PostgresEndToEndTest.URL, PostgresEndToEndTest.USER, PostgresEndToEndTest.PASSWORD, 2);
  private ServiceProcess first;
  private ServiceProcess second;
  private Database database;
  private JdbcAdapters adapters;

  @BeforeAll
  void start() throws Exception {
    PostgresEndToEndTest.emptyDatabase();
    Map<String, String> environment =
        Map.of(
            "DATABASE_URL", PostgresEndToEndTest.URL,
            "DATABASE_USER", PostgresEndToEndTest.USER,
            "DATABASE_PASSWORD", PostgresEndToEndTest.PASSWORD);
    first = ServiceProcess.start(environment);
    second = ServiceProcess.start(environment);
    database = Database.open(settings);
    adapters = JdbcAdapters.over(database);
    Seeds.business(adapters);
  }

  @AfterAll
  void stop() throws Exception {
    database.close();
    first.close();
    second.close();
  }

  private Client client(int index) {
    return Client.of((index % 2 == 0 ? first : second).port(), Seeds.SECRET);
  }

  @Test
  void sixtyFourActivationsOfALimitOfSevenTakeExactlySeven() throws Exception {
    LicenseKey key = Seeds.key(adapters, "TWO-" + UUID.randomUUID(), 7);

    List<HttpResponse<String>> responses =
        all(
            64,
            thread ->
                client(thread)
                    .send(
                        "POST",
                        "/licenses/activate",
                        "{\"license_key\":\"" + key.key() + "\",\"name\":\"m" + thread + "\"}"));

    assertThat(responses.stream().filter(r -> r.statusCode() == 201)).hasSize(7);
    assertThat(responses.stream().filter(r -> r.statusCode() == 422))
        .hasSize(57)
        .allMatch(r -> r.body().contains("LICENSE_KEY_LIMIT_REACHED"));
    assertThat(adapters.licenseKeys().findById(Seeds.BUSINESS, key.id()).get().instancesCount())
        .isEqualTo(7);
    System.out.println("Two processes: 64 activations on limit 7 -> 7 x 201, 57 x 422");
  }

  @Test
  void loweringTheLimitWhileActivatingNeverLetsTheCountPassIt() throws Exception {
    LicenseKey key = Seeds.key(adapters, "LOWER-" + UUID.randomUUID(), 40);
    AtomicInteger observations = new AtomicInteger();

    all(
        48,
        thread -> {
          Client client = client(thread);
          if (thread % 3 == 0) {
            return client.send(
                "PATCH",
                "/license_keys/" + key.id(),
                "{\"activations_limit\":" + (40 - thread / 2) + "}");
          }
          if (thread % 3 == 1) {
            return client.send(
                "POST",
                "/licenses/activate",
                "{\"license_key\":\"" + key.key() + "\",\"name\":\"m\"}");
          }
          HttpResponse<String> seen = client.send("GET", "/license_keys/" + key.id(), null);
          String limit = Client.field(seen.body(), "activations_limit");
          assertThat(Integer.parseInt(Client.field(seen.body(), "instances_count")))
              .isLessThanOrEqualTo(Integer.parseInt(limit));
          observations.incrementAndGet();
          return seen;
        });

    LicenseKey last = adapters.licenseKeys().findById(Seeds.BUSINESS, key.id()).get();
    assertThat(last.instancesCount()).isLessThanOrEqualTo(last.activationsLimit().get());
    assertThat(
            adapters
                .instances()
                .list(
                    Seeds.BUSINESS,
                    io.vavr.control.Option.some(key.id()),
                    new dev.licensekeys.domain.model.PageRequest(100, 0)))
        .hasSize(last.instancesCount());
    System.out.println(
        "Two processes: limit lowered during activations, "
            + observations.get()
            + " observations, 0 violations");
  }

  @Test
  void fourClientsPatchingDifferentFieldsLoseNoUpdate() throws Exception {
    LicenseKey key = Seeds.key(adapters, "FIELDS-" + UUID.randomUUID(), 1_000);
    int perClient = 200;
    AtomicInteger acknowledged = new AtomicInteger();

    all(
        4,
        clientIndex -> {
          Client client = client(clientIndex);
          for (int i = 1; i <= perClient; i++) {
            String body =
                switch (clientIndex) {
                  case 0 -> "{\"activations_limit\":" + (1_000 + i) + "}";
                  case 1 -> "{\"disabled\":" + (i % 2 == 1) + "}";
                  case 2 ->
                      "{\"expires_at\":\"2030-01-01T00:00:"
                          + String.format("%02d", i % 60)
                          + "."
                          + String.format("%03d", i)
                          + "Z\"}";
                  default ->
                      "{\"activations_limit\":"
                          + (5_000 + i)
                          + ",\"expires_at\":\"2031-01-01T00:00:00."
                          + String.format("%03d", i)
                          + "Z\"}";
                };
            HttpResponse<String> response = client.send("PATCH", "/license_keys/" + key.id(), body);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            acknowledged.incrementAndGet();
          }
          return null;
        });

    LicenseKey last = adapters.licenseKeys().findById(Seeds.BUSINESS, key.id()).get();
    Seq<AuditEvent> updates =
        adapters
            .auditTrail()
            .eventsOf(Seeds.BUSINESS, key.id())
            .filter(event -> event.operation() == AuditOperation.UPDATE);
    assertThat(last.version() - key.version()).isEqualTo(updates.size());
    assertThat(updates.size()).isLessThanOrEqualTo(acknowledged.get());
    Map<String, String> lastWritten = new HashMap<>();
    for (AuditEvent event : updates) {
      for (FieldChange change : event.changes()) {
        lastWritten.put(change.field(), change.after().getOrNull());
      }
    }
    assertThat(lastWritten.get("activations_limit"))
        .isEqualTo(last.activationsLimit().map(String::valueOf).getOrNull());
    assertThat(lastWritten.get("disabled")).isEqualTo(String.valueOf(last.disabled()));
    assertThat(lastWritten.get("expires_at"))
        .isEqualTo(last.expiresAt().map(Object::toString).getOrNull());
    assertThat(last.disabled()).isFalse();
    System.out.println(
        "Two processes: "
            + acknowledged.get()
            + " PATCHes from 4 clients, "
            + updates.size()
            + " versions written, final state equals the audit trail");
  }

  private static <T> List<T> all(int threads, Concurrently.ThreadTask<T> task) throws Exception {
    return Concurrently.run(threads, task);
  }
}

package dev.licensekeys.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.FieldChange;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.PageRequest;
import dev.licensekeys.persistence.Database;
import dev.licensekeys.persistence.DatabaseSettings;
import dev.licensekeys.persistence.JdbcAdapters;
import io.vavr.control.Option;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the service while PATCHes and activations stream in, several times: after each restart
 * every change answered 2xx before the kill is there, nothing is half-applied (the count equals the
 * instance rows), and the database opens cleanly.
 */
class CrashIT {

  static final int ROUNDS = 3;

  @Test
  void h2() throws Exception {
    Path file = Path.of("target", "h2", "crash-" + UUID.randomUUID()).toAbsolutePath();
    crashRounds(
        Map.of("DATABASE_URL", "jdbc:h2:file:" + file),
        new DatabaseSettings("jdbc:h2:file:" + file, "sa", "", 2));
  }

  @Test
  void postgres() throws Exception {
    PostgresEndToEndTest.emptyDatabase();
    crashRounds(
        Map.of(
            "DATABASE_URL", PostgresEndToEndTest.URL,
            "DATABASE_USER", PostgresEndToEndTest.USER,
            "DATABASE_PASSWORD", PostgresEndToEndTest.PASSWORD),
        new DatabaseSettings(
            PostgresEndToEndTest.URL, PostgresEndToEndTest.USER, PostgresEndToEndTest.PASSWORD, 2));
  }

  private void crashRounds(Map<String, String> environment, DatabaseSettings settings)
      throws Exception {
    LicenseKey patched;
    LicenseKey activated;
    try (ServiceProcess first = ServiceProcess.start(environment);
        Database database = Database.open(settings)) {
      JdbcAdapters adapters = JdbcAdapters.over(database);
      Seeds.business(adapters);
      patched = Seeds.key(adapters, "CRASH-P-" + UUID.randomUUID(), 0);
      activated = Seeds.key(adapters, "CRASH-A-" + UUID.randomUUID(), null);
    }
    Set<Integer> acknowledgedLimits = ConcurrentHashMap.newKeySet();
    Set<String> acknowledgedInstances = ConcurrentHashMap.newKeySet();
    AtomicInteger nextLimit = new AtomicInteger(1_000);
    int sent = 0;
    for (int round = 1; round <= ROUNDS; round++) {
      ServiceProcess service = ServiceProcess.start(environment);
      Client client = Client.of(service.port(), Seeds.SECRET);
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger requests = new AtomicInteger();
      List<Thread> load = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        boolean patcher = thread % 2 == 0;
        load.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      while (running.get()) {
                        try {
                          requests.incrementAndGet();
                          if (patcher) {
                            int limit = nextLimit.incrementAndGet();
                            HttpResponse<String> response =
                                client.send(
                                    "PATCH",
                                    "/license_keys/" + patched.id(),
                                    "{\"activations_limit\":" + limit + "}");
                            if (response.statusCode() == 200) {
                              acknowledgedLimits.add(limit);
                            }
                          } else {
                            HttpResponse<String> response =
                                client.send(
                                    "POST",
                                    "/licenses/activate",
                                    "{\"license_key\":\""
                                        + activated.key()
                                        + "\",\"name\":\"crash\"}");
                            if (response.statusCode() == 201) {
                              acknowledgedInstances.add(Client.field(response.body(), "id"));
                            }
                          }
                        } catch (Exception e) {
                          return; // the service is gone
                        }
                      }
                    }));
      }
      Thread.sleep(1_500);
      service.kill();
      running.set(false);
      for (Thread thread : load) {
        thread.join(30_000);
      }
      sent += requests.get();

      try (ServiceProcess restarted = ServiceProcess.start(environment);
          Database database = Database.open(settings)) {
        JdbcAdapters adapters = JdbcAdapters.over(database);
        Set<String> newLimits = new java.util.HashSet<>();
        for (AuditEvent event : adapters.auditTrail().eventsOf(Seeds.BUSINESS, patched.id())) {
          for (FieldChange change : event.changes()) {
            if (change.field().equals("activations_limit")) {
              change.after().forEach(newLimits::add);
            }
          }
        }
        for (int limit : acknowledgedLimits) {
          assertThat(newLimits)
              .as("acknowledged limit %d after round %d", limit, round)
              .contains(String.valueOf(limit));
        }
        LicenseKey key = adapters.licenseKeys().findById(Seeds.BUSINESS, activated.id()).get();
        int rows = 0;
        for (int page = 0; ; page++) {
          int onPage =
              adapters
                  .instances()
                  .list(Seeds.BUSINESS, Option.some(activated.id()), new PageRequest(100, page))
                  .size();
          rows += onPage;
          if (onPage < 100) {
            break;
          }
        }
        assertThat(key.instancesCount())
            .as("count equals rows after round %d", round)
            .isEqualTo(rows);
        for (String instance : acknowledgedInstances) {
          assertThat(adapters.instances().findById(Seeds.BUSINESS, instance))
              .as("acknowledged instance " + instance)
              .isNotEmpty();
        }
        Client after = Client.of(restarted.port(), Seeds.SECRET);
        assertThat(after.send("GET", "/health/ready", null).statusCode()).isEqualTo(200);
        restarted.kill();
      }
    }
    System.out.printf(
        "Crash (%s): %d kill -9 under load, %d requests sent, %d acknowledged PATCHes and %d acknowledged activations all present, 0 violations%n",
        settings.isH2() ? "H2" : "PostgreSQL",
        ROUNDS,
        sent,
        acknowledgedLimits.size(),
        acknowledgedInstances.size());
    assertThat(acknowledgedLimits).isNotEmpty();
    assertThat(acknowledgedInstances).isNotEmpty();
  }
}

package dev.licensekeys.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM under load: requests are answered (at worst 503 with Retry-After, for one read just as
 * the pool closes) or refused, never failed with a 500; the process exits 0.
 */
class SigtermIT {

  @Test
  void aTerminatedServiceFinishesWhatItTookAndExitsZero() throws Exception {
    Path file = Path.of("target", "h2", "sigterm-" + UUID.randomUUID()).toAbsolutePath();
    ServiceProcess service = ServiceProcess.start(Map.of("DATABASE_URL", "jdbc:h2:file:" + file));
    Client client = Client.of(service.port(), null);
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger answered = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger retryLater = new AtomicInteger();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> load = new ArrayList<>();
    for (int thread = 0; thread < 8; thread++) {
      load.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (running.get()) {
                      try {
                        HttpResponse<String> response =
                            client.send(
                                "POST",
                                "/licenses/validate",
                                "{\"license_key\":\"DEMO-ACTIVE-0001\"}");
                        if (response.statusCode() == 503) {
                          // Read as the service stopped: "retry later", not a failure.
                          retryLater.incrementAndGet();
                        } else if (response.statusCode() >= 500) {
                          failures.add(
                              response.statusCode()
                                  + " "
                                  + response.body()
                                  + " "
                                  + response.headers().map());
                        }
                        answered.incrementAndGet();
                      } catch (Exception e) {
                        refused.incrementAndGet();
                        return;
                      }
                    }
                  }));
    }
    Thread.sleep(1_500);

    int exitCode = service.terminate();
    running.set(false);
    for (Thread thread : load) {
      thread.join(30_000);
    }

    assertThat(exitCode).as("exit code after SIGTERM").isZero();
    assertThat(failures)
        .as(
            "server lines about failures: %s",
            service.output().stream()
                .filter(
                    line ->
                        line.contains("SEVERE")
                            || line.contains("\"status\":5")
                            || line.contains("Exception"))
                .limit(10)
                .toList())
        .isEmpty();
    assertThat(answered.get()).isPositive();
    // 0, not 143: the shutdown hook stopped the server, drained it and closed the pool itself.
    System.out.printf(
        "SIGTERM under load: %d requests answered (%d of them 503 retry-later), %d refused after"
            + " the stop, 0 failed, exit code 0%n",
        answered.get(), retryLater.get(), refused.get());
  }
}

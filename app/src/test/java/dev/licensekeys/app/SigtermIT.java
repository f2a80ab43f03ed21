package dev.licensekeys.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM under load: the requests in flight finish (the database stays open for them), later ones
 * are answered 503 "stopping" with Retry-After or refused, none fails; the process exits 0.
 */
class SigtermIT {

  private static final String STOPPING = "the service is stopping; try again";
  private static final List<String> DEMO_KEY_IDS =
      List.of(DemoSeed.ACTIVE_KEY_ID, DemoSeed.UNLIMITED_KEY_ID, DemoSeed.SUBSCRIPTION_KEY_ID);

  @Test
  void aTerminatedServiceFinishesWhatItTookAndExitsZero() throws Exception {
    Path file = Path.of("target", "h2", "sigterm-" + UUID.randomUUID()).toAbsolutePath();
    ServiceProcess service = ServiceProcess.start(Map.of("DATABASE_URL", "jdbc:h2:file:" + file));
    Client client = Client.of(service.port(), service.demoApiKey());
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger answered = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger retryLater = new AtomicInteger();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> load = new ArrayList<>();
    for (int thread = 0; thread < 8; thread++) {
      // Writes as well as reads: a PATCH in flight holds a transaction the stop must not cut.
      String patchedKey = "/license_keys/" + DEMO_KEY_IDS.get(thread % DEMO_KEY_IDS.size());
      boolean patcher = thread % 2 == 0;
      load.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (running.get()) {
                      try {
                        HttpResponse<String> response =
                            patcher
                                ? client.send(
                                    "PATCH",
                                    patchedKey,
                                    "{\"activations_limit\":"
                                        + ThreadLocalRandom.current().nextInt(5, 500)
                                        + "}")
                                : client.send(
                                    "POST",
                                    "/licenses/validate",
                                    "{\"license_key\":\"DEMO-ACTIVE-0001\"}");
                        if (response.statusCode() == 503 && response.body().contains(STOPPING)) {
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
                            || line.contains("WARNING")
                            || line.contains("\"status\":500")
                            || line.contains("Exception"))
                .limit(10)
                .toList())
        .isEmpty();
    assertThat(answered.get()).isPositive();
    assertThat(service.output()).contains("license-keys stopped");
    // 0, not 143: the service stopped the server, drained it and closed the pool itself.
    System.out.printf(
        "SIGTERM under load: %d requests answered (%d of them 503 retry-later), %d refused after"
            + " the stop, 0 failed, exit code 0%n",
        answered.get(), retryLater.get(), refused.get());
  }

  /**
   * Started as from a terminal, where Ctrl-C reaches the foreground process. The signal's default
   * is set for the service explicitly: a test run started as a background job of a script ignores
   * SIGINT, its children inherit that, and a service that finds SIGINT ignored keeps it so (next
   * test). Without this, such a run failed here with "the service did not stop on SIGINT".
   */
  @Test
  void anInterruptedServiceStopsTheSameWay() throws Exception {
    ServiceProcess service = startWithSigint("--default-signal=INT");

    int exitCode = service.interrupt();

    assertThat(exitCode).as("exit code after SIGINT").isZero();
    assertThat(service.output()).contains("license-keys stopped");
  }

  /**
   * A script's shell starts its background jobs with SIGINT ignored, so that Ctrl-C meant for the
   * foreground does not stop them; the service leaves it so, as Unix programs do, and stops on
   * SIGTERM.
   */
  @Test
  void aServiceStartedWithSigintIgnoredServesOnUntilTerminated() throws Exception {
    try (ServiceProcess service = startWithSigint("--ignore-signal=INT")) {
      service.sendInterrupt();
      Thread.sleep(1_000);
      HttpResponse<String> live = Client.of(service.port(), null).send("GET", "/health/live", null);

      assertThat(live.statusCode()).as("output: %s", service.output()).isEqualTo(200);
      assertThat(service.terminate()).as("exit code after SIGTERM").isZero();
      assertThat(service.output()).contains("license-keys stopped");
    }
  }

  /** A service on a fresh H2 file, SIGINT's disposition set by {@code env}'s option. */
  private static ServiceProcess startWithSigint(String envOption) throws Exception {
    Path file = Path.of("target", "h2", "sigint-" + UUID.randomUUID()).toAbsolutePath();
    return ServiceProcess.start(
        List.of("env", envOption), Map.of("DATABASE_URL", "jdbc:h2:file:" + file), List.of());
  }

  /**
   * The line that says where the service listens is what scripts and operators wait for, so a
   * signal right after it must find the service's own handling. While the line came before the
   * handlers, a SIGINT sent the moment it appeared exited 130 without stopping gracefully in 12 of
   * 15 starts, and this SIGTERM exited 143; three starts make a pass by luck unlikely.
   */
  @Test
  void aServiceStoppedTheMomentItSaysItListensStopsGracefully() throws Exception {
    for (int start = 0; start < 3; start++) {
      Path file = Path.of("target", "h2", "at-once-" + UUID.randomUUID()).toAbsolutePath();
      ServiceProcess service = ServiceProcess.start(Map.of("DATABASE_URL", "jdbc:h2:file:" + file));

      int exitCode = service.terminate();

      assertThat(exitCode).as("exit code, output: %s", service.output()).isZero();
      assertThat(service.output()).contains("license-keys stopped");
    }
  }

  @Test
  void aJvmThatKeepsTheSignalsToItselfStillServes() throws Exception {
    Path file = Path.of("target", "h2", "xrs-" + UUID.randomUUID()).toAbsolutePath();
    try (ServiceProcess service =
        ServiceProcess.start(Map.of("DATABASE_URL", "jdbc:h2:file:" + file), List.of("-Xrs"))) {
      HttpResponse<String> live = Client.of(service.port(), null).send("GET", "/health/live", null);

      assertThat(live.statusCode()).isEqualTo(200);
      assertThat(service.isAlive()).as("alive, output: %s", service.output()).isTrue();
    }
  }
}

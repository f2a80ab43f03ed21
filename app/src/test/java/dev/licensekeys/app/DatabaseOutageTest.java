package dev.licensekeys.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.persistence.DatabaseSettings;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away under the service and comes back: requests fail fast with 503 and
 * Retry-After, /health/ready says 503, and the service recovers by itself, without a restart.
 */
class DatabaseOutageTest {

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void readinessGoesDownWithTheDatabaseAndComesBackWithoutARestart() throws Exception {
    PostgresEndToEndTest.emptyDatabase();
    int postgresPort = URI.create(PostgresEndToEndTest.URL.substring(5)).getPort();
    try (TcpProxy proxy = new TcpProxy(postgresPort == -1 ? 5432 : postgresPort)) {
      String url =
          PostgresEndToEndTest.URL.replace(":" + postgresPort + "/", ":" + proxy.port() + "/");
      Configuration configuration =
          new Configuration(
              0,
              new DatabaseSettings(
                  url, PostgresEndToEndTest.USER, PostgresEndToEndTest.PASSWORD, 4));
      PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
      try (Application application =
          Application.start(configuration, Clock.systemUTC(), quiet, quiet)) {
        assertThat(ready(application).statusCode()).isEqualTo(200);
        String secret = "secret-outage";
        application
            .adapters()
            .apiKeys()
            .add(
                dev.licensekeys.domain.model.ApiKey.issued(
                    "key_outage",
                    "bus_outage",
                    io.vavr.control.Option.none(),
                    "outage",
                    dev.licensekeys.domain.model.ApiKey.hashSecret(secret),
                    java.time.Instant.now()));

        proxy.cut();
        for (int request = 0; request < 5; request++) {
          long sent = System.nanoTime();
          HttpResponse<String> failed =
              client.send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://localhost:"
                                  + application.port()
                                  + "/license_keys?page_size=1"))
                      .header("Authorization", "Bearer " + secret)
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(2));
          assertThat(failed.statusCode()).isEqualTo(503);
          assertThat(failed.headers().firstValue("Retry-After")).contains("2");
          assertThat(failed.body()).contains("SERVICE_UNAVAILABLE");
        }
        long start = System.nanoTime();
        HttpResponse<String> down = ready(application);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).isEqualTo("{\"status\":\"DOWN\"}");
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(get(application, "/health/live").statusCode()).isEqualTo(200);

        proxy.restore();
        int status = 0;
        for (int attempt = 0; attempt < 50 && status != 200; attempt++) {
          status = ready(application).statusCode();
          if (status != 200) {
            Thread.sleep(200);
          }
        }
        assertThat(status).isEqualTo(200);
        HttpResponse<String> back =
            client.send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:" + application.port() + "/license_keys?page_size=1"))
                    .header("Authorization", "Bearer " + secret)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(back.statusCode()).isEqualTo(200);
      }
    }
  }

  private HttpResponse<String> ready(Application application) throws Exception {
    return get(application, "/health/ready");
  }

  private HttpResponse<String> get(Application application, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + application.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

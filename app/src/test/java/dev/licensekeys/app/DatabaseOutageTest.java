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

/** /health/ready follows the database: 503 while PostgreSQL is away, 200 once it is back. */
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

        proxy.cut();
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

package dev.licensekeys.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.http.PublicRateLimit;
import dev.licensekeys.persistence.DatabaseSettings;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** IDLE_CONNECTION_TIMEOUT_SECONDS, from the environment to a connection the server closes. */
class IdleConnectionsTest {

  @Test
  void theSettingIsReadAndItsDefaultIsHelidons() {
    Configuration set =
        Configuration.fromEnvironment(Map.of("IDLE_CONNECTION_TIMEOUT_SECONDS", "900")).get();
    Configuration unset = Configuration.fromEnvironment(Map.of()).get();

    assertThat(set.idleConnectionTimeout()).isEqualTo(Duration.ofSeconds(900));
    assertThat(unset.idleConnectionTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(
            Configuration.fromEnvironment(Map.of("IDLE_CONNECTION_TIMEOUT_SECONDS", "86401"))
                .isLeft())
        .isTrue();
  }

  @Test
  void helidonLooksAtLeastAsOftenAsTheTimeout() {
    assertThat(Application.idleCheckEvery(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
    assertThat(Application.idleCheckEvery(Duration.ofMinutes(15))).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void aConnectionIdleLongerThanTheTimeoutIsClosed() throws Exception {
    Path file = Path.of("target", "h2", "idle-" + UUID.randomUUID()).toAbsolutePath();
    Configuration configuration =
        new Configuration(
            0,
            new DatabaseSettings("jdbc:h2:file:" + file, "sa", "", 4),
            PublicRateLimit.defaults(),
            Duration.ofSeconds(1));
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    try (Application application =
            Application.start(configuration, Clock.systemUTC(), quiet, quiet);
        Socket socket = new Socket("localhost", application.port())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      long answered = System.nanoTime();

      String everything = readToTheEnd(socket.getInputStream());

      // Helidon's idle time is kept to the second; its look comes every second here.
      assertThat(Duration.ofNanos(System.nanoTime() - answered))
          .isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
      assertThat(everything).startsWith("HTTP/1.1 200 ").endsWith("\"UP\"}");
    }
  }

  private static String readToTheEnd(InputStream in) throws Exception {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    return all.toString(StandardCharsets.ISO_8859_1);
  }
}

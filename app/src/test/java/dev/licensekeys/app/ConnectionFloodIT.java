package dev.licensekeys.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * More connections than the process has files for: the server holds the ones it can, the rest wait,
 * and once they are gone it serves again. Before the cap (ConnectionCap), the accept that found no
 * file left stopped the server's listener for good, with the process still alive.
 */
class ConnectionFloodIT {

  private static final int OPEN_FILES = 512;

  @Test
  void aFloodOfConnectionsPassesAndTheServiceServesAgain() throws Exception {
    Path file = Path.of("target", "h2", "flood-" + UUID.randomUUID()).toAbsolutePath();
    try (ServiceProcess service =
        ServiceProcess.start(
            List.of("prlimit", "--nofile=" + OPEN_FILES + ":" + OPEN_FILES, "--"),
            Map.of("DATABASE_URL", "jdbc:h2:file:" + file),
            List.of())) {
      Client client = Client.of(service.port(), service.demoApiKey());
      List<Socket> flood = new ArrayList<>();
      try {
        for (int i = 0; i < OPEN_FILES + 100; i++) {
          Socket socket = new Socket("localhost", service.port());
          // Headers that never end: each connection stays open, waiting for the rest.
          socket
              .getOutputStream()
              .write(
                  "GET /health/live HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
          flood.add(socket);
        }
        // Long enough for the server to take every connection it will take.
        Thread.sleep(2_000);
      } finally {
        for (Socket socket : flood) {
          closeQuietly(socket);
        }
      }

      HttpResponse<String> after = awaitAnswer(client);

      assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
      assertThat(service.isAlive()).isTrue();
      assertThat(service.output()).noneMatch(line -> line.contains("terminating"));
    }
  }

  private static HttpResponse<String> awaitAnswer(Client client) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (true) {
      try {
        return client.send("GET", "/license_keys/" + DemoSeed.ACTIVE_KEY_ID, null);
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing a flood connection: nothing to keep
    }
  }
}

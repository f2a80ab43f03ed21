package dev.licensekeys.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * More connections than the process has files for: the server holds the ones it can, the rest wait,
 * and once they are gone it serves again. Before the cap (ConnectionCap), the accept that found no
 * file left stopped the server's listener for good, with the process still alive. A flood that
 * never lets go is cut by the deadline for a request to arrive (SlowRequests); before it, the
 * server stayed full for as long as the flood held on.
 */
class ConnectionFloodIT {

  private static final int OPEN_FILES = 512;

  @Test
  void aFloodOfConnectionsPassesAndTheServiceServesAgain() throws Exception {
    try (ServiceProcess service = withFewFiles()) {
      Client client = Client.of(service.port(), service.demoApiKey());
      List<Socket> flood = new ArrayList<>();
      try {
        for (int i = 0; i < OPEN_FILES + 100; i++) {
          flood.add(halfARequest(service.port()));
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

  @Test
  void aFloodThatHoldsOnIsCutByTheRequestDeadlineAndTheServiceServesMeanwhile() throws Exception {
    try (ServiceProcess service = withFewFiles()) {
      Client client = Client.of(service.port(), service.demoApiKey());
      List<Socket> flood = new ArrayList<>();
      try {
        // More than the cap, which is under the open files, but few enough that the ones left
        // in the backlog fit in the places the first cut frees, beside the client's request.
        for (int i = 0; i < OPEN_FILES; i++) {
          flood.add(halfARequest(service.port()));
        }
        long started = System.nanoTime();

        // The flood never closes a connection: only the server's deadline (30 s) frees the places.
        HttpResponse<String> meanwhile = awaitAnswer(client, Duration.ofSeconds(90));

        assertThat(meanwhile.statusCode()).as(meanwhile.body()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started))
            .isBetween(Duration.ofSeconds(25), Duration.ofSeconds(50));
        flood.get(0).setSoTimeout(1_000);
        assertThat(flood.get(0).getInputStream().read()).as("closed by the server").isEqualTo(-1);
      } finally {
        for (Socket socket : flood) {
          closeQuietly(socket);
        }
      }
      assertThat(service.isAlive()).isTrue();
      assertThat(service.output()).noneMatch(line -> line.contains("WARNING"));
    }
  }

  /** The service on a fresh H2 file, in a process that may open {@link #OPEN_FILES} files. */
  private static ServiceProcess withFewFiles() throws Exception {
    Path file = Path.of("target", "h2", "flood-" + UUID.randomUUID()).toAbsolutePath();
    return ServiceProcess.start(
        List.of("prlimit", "--nofile=" + OPEN_FILES + ":" + OPEN_FILES, "--"),
        Map.of("DATABASE_URL", "jdbc:h2:file:" + file),
        List.of());
  }

  /** A connection whose request's headers never end. */
  private static Socket halfARequest(int port) throws IOException {
    Socket socket = new Socket("localhost", port);
    socket
        .getOutputStream()
        .write("GET /health/live HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
    return socket;
  }

  private static HttpResponse<String> awaitAnswer(Client client) throws Exception {
    return awaitAnswer(client, Duration.ofSeconds(20));
  }

  private static HttpResponse<String> awaitAnswer(Client client, Duration patience)
      throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
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

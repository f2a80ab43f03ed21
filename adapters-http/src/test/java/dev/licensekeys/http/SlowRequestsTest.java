package dev.licensekeys.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.fixtures.RecordedLog;
import dev.licensekeys.domain.inmemory.InMemoryApiKeys;
import dev.licensekeys.domain.inmemory.InMemoryIdempotencyRecords;
import io.helidon.webserver.WebServer;
import io.vavr.control.Either;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deadlines for a client to send a request and take its answer, on a real server whose deadline
 * is one second: what it cuts, and what it leaves alone. The watchdog looks four times a second, so
 * a cut comes at most a quarter of a second after the deadline.
 */
class SlowRequestsTest {

  private static final Duration DEADLINE = Duration.ofSeconds(1);
  private static final Duration ROUTE_TIME = Duration.ofMillis(2_500);
  private static final String VALIDATE_BODY = "{\"license_key\":\"KEY\"}";

  private final List<String> accessLog = new CopyOnWriteArrayList<>();
  private final List<String> observed = new CopyOnWriteArrayList<>();
  private final RecordedLog warnings = RecordedLog.of("");
  private WebServer server;

  @BeforeEach
  void start() {
    Operations operations =
        new Operations(
            () -> true,
            () -> "",
            (route, method, status, nanos) -> observed.add(method + " " + route + " " + status),
            accessLog::add,
            error -> false,
            new PublicRateLimit(600, 30));
    HttpApi api =
        new HttpApi(
            useCasesWhoseValidationTakes(ROUTE_TIME),
            new Authenticator(new InMemoryApiKeys(), Clock.systemUTC()),
            Clock.systemUTC(),
            operations,
            new InMemoryIdempotencyRecords(),
            new RequestDecoder());
    server =
        api.configure(WebServer.builder().port(0).shutdownHook(false), DEADLINE)
            .routing(api::register)
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    server.stop();
    warnings.close();
  }

  private static UseCases useCasesWhoseValidationTakes(Duration time) {
    return new UseCases(
        command -> unused(),
        (caller, id) -> unused(),
        query -> unused(),
        command -> unused(),
        (caller, id) -> unused(),
        command -> unused(),
        query -> unused(),
        command -> unused(),
        command -> unused(),
        command -> {
          try {
            Thread.sleep(time);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          return Either.right(true);
        });
  }

  private static <T> T unused() {
    throw new UnsupportedOperationException("not used by these tests");
  }

  @Test
  void aRequestWhoseHeadersNeverEndIsCutAndCountedAsUnread() throws Exception {
    try (Socket socket = connect()) {
      send(socket, "GET /health/live HTTP/1.1\r\nHost: x\r\n");

      assertThat(readToTheEnd(socket)).isEmpty();
    }
    awaitAnEntry(observed);
    assertThat(observed).containsExactly("OTHER unread 408");
    assertThat(accessLog).isEmpty();
    assertNoWarnings();
  }

  @Test
  void theDeadlineCountsFromTheFirstByteNotFromTheLastOne() throws Exception {
    try (Socket socket = connect()) {
      long started = System.nanoTime();
      byte[] head =
          "GET /health/live HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
      try {
        // A byte every 200 ms, for longer than the deadline and the watchdog's look together.
        for (int i = 0; System.nanoTime() - started < Duration.ofSeconds(4).toNanos(); i++) {
          socket.getOutputStream().write(i < head.length ? head[i] : 'a');
          Thread.sleep(200);
        }
      } catch (IOException cut) {
        // Written to a connection the server has closed.
      }

      assertThat(readToTheEnd(socket)).isEmpty();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }
    awaitAnEntry(observed);
    assertThat(observed).containsExactly("OTHER unread 408");
  }

  @Test
  void aBodyThatNeverEndsIsCutAndLoggedAs408() throws Exception {
    try (Socket socket = connect()) {
      send(
          socket,
          "POST /licenses/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              + "Content-Length: 100\r\n\r\n{\"license_key\"");

      assertThat(readToTheEnd(socket)).isEmpty();
    }
    awaitAnEntry(accessLog);
    assertThat(accessLog)
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("\"route\":\"/licenses/validate\"")
        .contains("\"status\":408");
    assertThat(observed).containsExactly("POST /licenses/validate 408");
    assertNoWarnings();
  }

  @Test
  void aClientThatDoesNotTakeItsAnswersIsCut() throws Exception {
    int requests = 600;
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(4_096);
      socket.connect(new InetSocketAddress("localhost", server.port()));
      socket.setSoTimeout(10_000);
      // 600 answers of 14 KB: more than the server's send buffer (4 MiB at most) and this
      // client's receive buffer hold, so the server's write waits for the client to read.
      send(socket, "GET /openapi.yaml HTTP/1.1\r\nHost: x\r\n\r\n".repeat(requests));
      Thread.sleep(DEADLINE.multipliedBy(4));

      String answers = readToTheEnd(socket);

      assertThat(answers.split("HTTP/1.1 200 ", -1).length - 1).isBetween(1, requests - 1);
    }
    assertNoWarnings();
  }

  @Test
  void aRouteThatWorksLongerThanTheDeadlineIsLeftToAnswer() throws Exception {
    try (Socket socket = connect()) {
      send(socket, validate());

      assertThat(readToTheEnd(socket)).startsWith("HTTP/1.1 200 ").endsWith("{\"valid\":true}");
    }
  }

  @Test
  void aRequestWhoseHeadCameWithThePreviousOneHasADeadlineOfItsOwn() throws Exception {
    try (Socket socket = connect()) {
      // The first request's route takes longer than the deadline; the second's head comes with
      // it, and the rest of its body after the first answer.
      String second = validate();
      int split = second.length() - 5;
      send(socket, validate().replace("Connection: close\r\n", "") + second.substring(0, split));
      String head = readHead(socket.getInputStream());
      assertThat(head).startsWith("HTTP/1.1 200 ");
      socket.getInputStream().readNBytes(contentLength(head));
      Thread.sleep(DEADLINE.dividedBy(2));
      send(socket, second.substring(split));

      assertThat(readToTheEnd(socket)).startsWith("HTTP/1.1 200 ").endsWith("{\"valid\":true}");
    }
  }

  @Test
  void aConnectionIdleBetweenRequestsIsLeftOpen() throws Exception {
    try (Socket socket = connect()) {
      send(socket, "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
      String head = readHead(socket.getInputStream());
      assertThat(head).startsWith("HTTP/1.1 200 ");
      socket.getInputStream().readNBytes(contentLength(head));

      Thread.sleep(DEADLINE.multipliedBy(3));
      send(socket, "GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

      assertThat(readToTheEnd(socket)).startsWith("HTTP/1.1 200 ");
    }
    assertThat(observed).doesNotContain("OTHER unread 408");
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket("localhost", server.port());
    // Long enough for every cut, short enough that a missing one fails rather than hangs.
    socket.setSoTimeout(10_000);
    return socket;
  }

  private static void send(Socket socket, String bytes) throws IOException {
    socket.getOutputStream().write(bytes.getBytes(StandardCharsets.UTF_8));
  }

  private static String validate() {
    return "POST /licenses/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + "Connection: close\r\nContent-Length: "
        + VALIDATE_BODY.length()
        + "\r\n\r\n"
        + VALIDATE_BODY;
  }

  /** What the server sent until it closed; a reset, after bytes the server no longer read, too. */
  private static String readToTheEnd(Socket socket) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    try {
      socket.getInputStream().transferTo(answer);
    } catch (java.net.SocketException reset) {
      assertThat(reset).hasMessageContaining("reset");
    }
    return answer.toString(StandardCharsets.ISO_8859_1);
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      head.write(in.read());
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static int contentLength(String head) {
    java.util.regex.Matcher length =
        java.util.regex.Pattern.compile("(?i)\r\nContent-Length: (\\d+)\r\n").matcher(head);
    assertThat(length.find()).isTrue();
    return Integer.parseInt(length.group(1));
  }

  /** The server counts and logs a cut after it closed the connection, so a moment after. */
  private static void awaitAnEntry(List<String> entries) throws InterruptedException {
    for (int i = 0; i < 100 && entries.isEmpty(); i++) {
      Thread.sleep(20);
    }
  }

  private void assertNoWarnings() {
    assertThat(warnings.records())
        .noneMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue());
  }
}

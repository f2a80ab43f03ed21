package dev.licensekeys.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.fixtures.RecordedLog;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Requests that change no data, with one to three bytes changed, taken out or put in anywhere: the
 * request line, a header, the chunked framing, the body. Sent as bytes on a socket, so nothing
 * tidies them. Whatever the server makes of them, it never answers 5xx (but the 505 that README
 * lists for a request turned into HTTP/1.0), and it logs no warning for them: a client's malformed
 * bytes are not the server's failure. So is any request target. (HostileInputProperties sends
 * well-formed HTTP with hostile content; these are the HTTP itself.)
 */
class MalformedWireProperties {

  // Helidon's whole server: its routing and direct handlers log there too, not only the parser.
  private static final List<String> LOGGERS =
      List.of("io.helidon.webserver", "dev.licensekeys.http.HttpApi");

  private static final List<String> REQUESTS =
      List.of(
          "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n",
          "POST /licenses/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              + "Content-Length: 20\r\n\r\n{\"license_key\": \"k\"}",
          "POST /licenses/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              + "Transfer-Encoding: chunked\r\n\r\n14\r\n{\"license_key\": \"k\"}\r\n0\r\n\r\n",
          "GET /license_keys?page_size=5&status=active HTTP/1.1\r\nHost: x\r\n"
              + "Authorization: Bearer "
              + SeededServices.SECRET
              + "\r\n\r\n",
          "GET /license_keys/"
              + SeededServices.REAL_KEY
              + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
              + SeededServices.SECRET
              + "\r\n\r\n");

  private static SeededServices.Subject subject;
  private static final List<RecordedLog> LOGS = new ArrayList<>();
  private static final Map<String, AtomicInteger> ANSWERS = new ConcurrentHashMap<>();

  private static final String CLIENTS_FAULT = "(?s)HTTP/1\\.1 [234]\\d\\d .*";

  /**
   * A change that turns the version into HTTP/1.0 gets the 505 README lists for it (the service
   * speaks HTTP/1.1 only), or any answer a request may get when another change spoiled it first.
   */
  private static final String ANSWER_TO_HTTP_10 = "(?s)HTTP/1\\.1 (505|[234]\\d\\d) .*";

  private static boolean askedForHttp10(String request) {
    int lineEnd = request.indexOf('\n');
    String requestLine = lineEnd < 0 ? request : request.substring(0, lineEnd);
    return requestLine.strip().endsWith(" HTTP/1.0");
  }

  @BeforeContainer
  static void start() throws Exception {
    subject = SeededServices.startOnH2();
    LOGGERS.forEach(name -> LOGS.add(RecordedLog.of(name)));
  }

  @AfterContainer
  static void stop() {
    try {
      // Once more at the end, for a warning logged after its answer was read.
      for (RecordedLog log : LOGS) {
        assertThat(log.records())
            .filteredOn(MalformedWireProperties::isWarning)
            .extracting(LogRecord::getMessage)
            .as("warnings logged for malformed requests")
            .isEmpty();
      }
      System.out.println("Malformed wire: answers " + new TreeMap<>(ANSWERS) + ", no warning");
    } finally {
      LOGS.forEach(RecordedLog::close);
      LOGS.clear();
      SeededServices.closeAll(List.of(subject));
    }
  }

  enum Kind {
    REPLACE,
    REMOVE,
    INSERT
  }

  /** One change to a request's bytes, at a place given as a fraction of its length. */
  record Mutation(Kind kind, double where, int value) {
    byte[] applyTo(byte[] bytes) {
      int at = Math.min((int) (where * bytes.length), bytes.length - 1);
      ByteArrayOutputStream changed = new ByteArrayOutputStream(bytes.length + 1);
      changed.write(bytes, 0, at);
      if (kind != Kind.REMOVE) {
        changed.write(value);
      }
      int rest = kind == Kind.INSERT ? at : at + 1;
      changed.write(bytes, rest, bytes.length - rest);
      return changed.toByteArray();
    }
  }

  @Property(tries = 1_500)
  void aRequestWithChangedBytesIsNeverTheServersFailure(
      @ForAll("requests") String request, @ForAll("mutations") List<Mutation> mutations)
      throws Exception {
    byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
    for (Mutation mutation : mutations) {
      bytes = mutation.applyTo(bytes);
    }

    String answer = exchange(bytes);
    String status = answer.isEmpty() ? "none" : answer.substring(0, Math.min(12, answer.length()));
    ANSWERS.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();

    String seen = new String(bytes, StandardCharsets.ISO_8859_1);
    // No answer at all: Helidon's way with a request line that ends with the bytes, before its LF.
    if (!answer.isEmpty()) {
      assertThat(answer).as(seen).matches(askedForHttp10(seen) ? ANSWER_TO_HTTP_10 : CLIENTS_FAULT);
    }
    for (RecordedLog log : LOGS) {
      assertThat(log.records()).as(seen).noneMatch(MalformedWireProperties::isWarning);
    }
  }

  /**
   * Any method with any request target made of the characters a URI may hold: the forms RFC 9112
   * allows (a path, a URL, CONNECT's host and port, OPTIONS' asterisk) and everything near them.
   * The server answers each, never 5xx, and logs no warning.
   */
  @Property(tries = 1_000)
  void anyRequestTargetIsAnsweredAndNeverTheServersFailure(
      @ForAll("methods") String method, @ForAll("targets") String target) throws Exception {
    String request = method + " " + target + " HTTP/1.1\r\nHost: x\r\n\r\n";

    String answer = exchange(request.getBytes(StandardCharsets.ISO_8859_1));
    String status = answer.isEmpty() ? "none" : answer.substring(0, Math.min(12, answer.length()));
    ANSWERS.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();

    assertThat(answer).as(request).matches("(?s)HTTP/1\\.1 [234]\\d\\d .*");
    for (RecordedLog log : LOGS) {
      assertThat(log.records()).as(request).noneMatch(MalformedWireProperties::isWarning);
    }
  }

  private static boolean isWarning(LogRecord record) {
    return record.getLevel().intValue() >= Level.WARNING.intValue();
  }

  /** Sends the bytes, says it has no more, and reads all the server sends until it closes. */
  private static String exchange(byte[] bytes) throws Exception {
    try (Socket socket = new Socket("localhost", subject.application().port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(bytes);
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Provide
  Arbitrary<String> requests() {
    return Arbitraries.of(REQUESTS);
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.of("GET", "HEAD", "POST", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE");
  }

  @Provide
  Arbitrary<String> targets() {
    Arbitrary<String> anything =
        Arbitraries.strings()
            .withChars("abz09./:?#%*@+-_~=&;,[]!$'()")
            .ofMinLength(1)
            .ofMaxLength(24);
    Arbitrary<String> nearAPath =
        Combinators.combine(
                Arbitraries.of(
                    "/", "/license_keys/", "/health/", "http://x/", "//", "x:1/", "a.b:"),
                anything)
            .as(String::concat);
    return Arbitraries.oneOf(anything, nearAPath);
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Mutation> mutation =
        Combinators.combine(
                Arbitraries.of(Kind.class),
                Arbitraries.doubles().between(0, 1).ofScale(3),
                Arbitraries.integers().between(0, 255))
            .as(Mutation::new);
    return mutation.list().ofMinSize(1).ofMaxSize(3);
  }
}

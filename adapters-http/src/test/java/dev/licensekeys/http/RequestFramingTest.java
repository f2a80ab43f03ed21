package dev.licensekeys.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.HeaderNames;
import io.helidon.http.WritableHeaders;
import org.junit.jupiter.api.Test;

/** Each of RFC 9112's framing rules that a head can break, and heads that break none. */
class RequestFramingTest {

  private static final String HOST = "a request must have one Host header";
  private static final String BOTH =
      "a request may not have both Content-Length and Transfer-Encoding";
  private static final String LENGTH =
      "Content-Length must be given once, as a whole number of bytes";
  private static final String CODING =
      "a request's only transfer coding may be chunked, given once";

  /** Header lines as name, value, name, value, ...; a name given twice is two lines. */
  private static WritableHeaders<?> head(String... lines) {
    WritableHeaders<?> headers = WritableHeaders.create();
    for (int i = 0; i < lines.length; i += 2) {
      headers.add(HeaderNames.create(lines[i]), lines[i + 1]);
    }
    return headers;
  }

  @Test
  void aHeadThatFramesItsBodyOneWayBreaksNoRule() {
    assertThat(RequestFraming.problem(head("Host", "x"))).isEmpty();
    assertThat(RequestFraming.problem(head("Host", "x", "Content-Length", "19"))).isEmpty();
    assertThat(RequestFraming.problem(head("Host", "x", "Transfer-Encoding", "Chunked"))).isEmpty();
  }

  @Test
  void theHostIsGivenOnce() {
    assertThat(RequestFraming.problem(head("Content-Length", "0"))).contains(HOST);
    assertThat(RequestFraming.problem(head("Host", "a", "Host", "b"))).contains(HOST);
  }

  @Test
  void aBodyIsFramedByALengthOrByChunksNotBoth() {
    assertThat(
            RequestFraming.problem(
                head("Host", "x", "Content-Length", "5", "Transfer-Encoding", "chunked")))
        .contains(BOTH);
  }

  @Test
  void aLengthIsOneWholeNumberGivenOnce() {
    for (String length :
        new String[] {"+5", "-1", "0x13", "1 9", "5, 5", "", "99999999999999999999"}) {
      assertThat(RequestFraming.problem(head("Host", "x", "Content-Length", length)))
          .as(length)
          .contains(LENGTH);
    }
    assertThat(
            RequestFraming.problem(head("Host", "x", "Content-Length", "5", "Content-Length", "5")))
        .contains(LENGTH);
  }

  @Test
  void theOnlyTransferCodingIsChunkedGivenOnce() {
    for (String codings :
        new String[] {"gzip, chunked", "chunked, identity", "xchunked", "chunked, chunked", ""}) {
      assertThat(RequestFraming.problem(head("Host", "x", "Transfer-Encoding", codings)))
          .as(codings)
          .contains(CODING);
    }
    assertThat(
            RequestFraming.problem(
                head("Host", "x", "Transfer-Encoding", "gzip", "Transfer-Encoding", "chunked")))
        .contains(CODING);
  }
}

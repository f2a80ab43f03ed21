package dev.licensekeys.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Headers;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Closes a connection once a response that says {@code Connection: close} is sent, as RFC 9112 asks
 * of the server. Helidon 4.5.0 writes the header but goes on reading the connection, so a client
 * that reads the answer to its end waited for Helidon's idle timeout (five minutes and more), and
 * the connection held one of the server's capped places. A {@link CloseConnectionException} is
 * Helidon's own way to end a connection without an error. Called by {@link AccessLog}'s filter, the
 * one every request passes, so that it adds no filter of its own.
 */
final class ClosingConnections {

  private ClosingConnections() {}

  static void closeIfSaid(ServerRequest request, ServerResponse response) {
    if (response.isSent()
        && (requestSaysClose(request.headers())
            || response.headers().contains(HeaderValues.CONNECTION_CLOSE))) {
      throw new CloseConnectionException("the response said Connection: close");
    }
  }

  /**
   * A client's {@code Connection} is a list of tokens in any case; Helidon gathers a header's
   * values through a stream to read them, even when the header is absent, as it is from most
   * clients, so its presence is asked first. A response says {@code close} only as this API and
   * Helidon write it, one value, which is looked up as it is: its {@code keep-alive} is not
   * gathered on every request either (docs/BENCHMARKS.md, change 47).
   */
  private static boolean requestSaysClose(Headers headers) {
    return headers.contains(HeaderNames.CONNECTION)
        && headers.containsToken(HeaderValues.CONNECTION_CLOSE);
  }
}

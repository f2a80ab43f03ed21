package dev.licensekeys.http;

import io.helidon.http.HeaderValues;
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
        && (request.headers().containsToken(HeaderValues.CONNECTION_CLOSE)
            || response.headers().containsToken(HeaderValues.CONNECTION_CLOSE))) {
      throw new CloseConnectionException("the response said Connection: close");
    }
  }
}

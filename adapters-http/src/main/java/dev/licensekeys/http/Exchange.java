package dev.licensekeys.http;

import io.helidon.common.buffers.DataReader;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/** One request and its response, with the checks every route shares. */
final class Exchange {

  static final int MAX_BODY_BYTES = 64 * 1024;
  // Lists, not sets: a 415's message names them in this order, the same in every JVM.
  static final List<String> JSON = List.of("application/json");
  static final List<String> JSON_OR_MERGE_PATCH =
      List.of("application/json", "application/merge-patch+json");

  private final ServerRequest request;
  private final ServerResponse response;

  Exchange(ServerRequest request, ServerResponse response) {
    this.request = request;
    this.response = response;
  }

  ServerRequest request() {
    return request;
  }

  Option<String> header(HeaderName name) {
    return Option.ofOptional(request.headers().first(name));
  }

  /** A list header's lines joined into one list, as RFC 9110 reads them; none when absent. */
  Option<String> list(HeaderName name) {
    return Option.when(request.headers().contains(name), () -> request.headers().get(name))
        .map(header -> String.join(", ", header.allValues()));
  }

  /** The connection's peer: behind a proxy, the proxy. */
  java.net.SocketAddress peer() {
    return request.remotePeer().address();
  }

  /** Every value the query gives {@code name}, in order; none when it is absent. */
  List<String> query(String name) {
    return request.query().all(name, List::of);
  }

  String pathParameter(String name) {
    return request.path().pathParameters().get(name);
  }

  /** The body, if its type is one of {@code accepted} and it fits in 64 KiB. */
  Either<HttpError, byte[]> body(List<String> accepted) {
    String type = header(HeaderNames.CONTENT_TYPE).map(Exchange::mediaType).getOrElse("");
    if (!accepted.contains(type)) {
      return Either.left(HttpError.unsupportedMediaType(String.join(" or ", accepted)));
    }
    OptionalLong length = request.headers().contentLength();
    if (length.orElse(0) > MAX_BODY_BYTES) {
      return Either.left(HttpError.tooLarge(MAX_BODY_BYTES));
    }
    try (InputStream in = request.content().inputStream()) {
      // With a Content-Length the body is exactly that long: reading that much, and no more, spares
      // the server a read that waits to learn that the body has ended.
      byte[] body =
          in.readNBytes(length.isPresent() ? (int) length.getAsLong() : MAX_BODY_BYTES + 1);
      return body.length > MAX_BODY_BYTES
          ? Either.left(HttpError.tooLarge(MAX_BODY_BYTES))
          : Either.right(body);
    } catch (DataReader.InsufficientDataAvailableException e) {
      // The client ended the body early (and most likely hung up): its fault, not the server's.
      response.header(HeaderNames.CONNECTION, "close");
      return Either.left(HttpError.badBody("the body ended before all of it was sent"));
    } catch (NumberFormatException | DataReader.IncorrectNewLineException e) {
      // Helidon 4.5.0 lets these through from its reading of chunks: a size that is not
      // hexadecimal, too large, or has an extension after it (Integer.parseUnsignedInt), and a
      // line that does not end in CRLF.
      response.header(HeaderNames.CONNECTION, "close");
      return Either.left(HttpError.badBody("the body's chunked framing is malformed"));
    } catch (DeadlinedConnection.TooSlow e) {
      // The connection is closed: no answer can go, but the access log tells what happened.
      response.status(Status.REQUEST_TIMEOUT_408);
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A Content-Type's type and subtype in lower case, without parameters; no copy is made of the
   * usual value, which has neither parameters nor capitals.
   */
  static String mediaType(String contentType) {
    int parameters = contentType.indexOf(';');
    String type = parameters < 0 ? contentType : contentType.substring(0, parameters);
    return type.strip().toLowerCase(Locale.ROOT);
  }

  void header(HeaderName name, String value) {
    response.header(name, value);
  }

  void json(int status, byte[] body) {
    send(status, "application/json", body);
  }

  /**
   * Sends a response. To a HEAD request, RFC 9110 asks for the GET's headers without its body, and
   * Helidon sends whatever body it is given; so it is given none, and the length the body would
   * have had, which Helidon keeps when it is set.
   */
  void send(int status, String contentType, byte[] body) {
    response.status(Status.create(status));
    response.header(HeaderNames.CONTENT_TYPE, contentType);
    if (Method.HEAD.equals(request.prologue().method())) {
      response.header(HeaderNames.CONTENT_LENGTH, String.valueOf(body.length));
      response.send();
    } else {
      response.send(body);
    }
  }

  void empty(int status) {
    response.status(Status.create(status));
    response.send();
  }

  void fail(HttpError error) {
    json(error.status(), Responses.error(error));
  }
}

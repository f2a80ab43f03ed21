package dev.licensekeys.http;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The server's own refusals, of requests that never reach a route (a prologue it cannot parse, a
 * URI or headers too long, a coded body, a body framed two ways), answered as JSON {code, message}
 * like every other error. The message never echoes the request. They are not in the access log,
 * which would let any client fill it, but they are counted, under the route {@code unread}.
 */
final class ServerRefusals implements DirectHandler {

  static final String ROUTE = "unread";

  /** Helidon 4.5.0's reason for a head over its size limit, which it answers with a bare 400. */
  static final String HEADERS_TOO_LARGE = "Header size exceeded";

  private final BooleanSupplier stopping;
  private final Operations.RequestObserver observer;

  ServerRefusals(BooleanSupplier stopping, Operations.RequestObserver observer) {
    this.stopping = stopping;
    this.observer = observer;
  }

  @Override
  public TransportResponse handle(
      TransportRequest request,
      EventType eventType,
      Status status,
      ServerResponseHeaders headers,
      String message) {
    // An error handler must not fail itself: no method is taken as an unknown one.
    String method = Objects.requireNonNullElse(request.method(), "");
    TransportResponse response = refusal(request, method, eventType, status, headers, message);
    observer.observed(ROUTE, RouteTemplates.methodLabel(method), response.status().code(), 0);
    return response;
  }

  private TransportResponse refusal(
      TransportRequest request,
      String method,
      EventType eventType,
      Status status,
      ServerResponseHeaders headers,
      String reason) {
    if (stopping.getAsBoolean() && status.code() >= 500) {
      // A request the server read as it was stopping: not a failure, a retry elsewhere.
      headers.set(HeaderNames.RETRY_AFTER, HttpApi.RETRY_AFTER_SECONDS);
      return json(HttpError.stopping(), headers);
    }
    if (eventType == EventType.BAD_REQUEST && HEADERS_TOO_LARGE.equals(reason)) {
      // RFC 6585's 431, so that a client whose cookies or tokens outgrew the limit can tell.
      return json(HttpError.headersTooLarge(HttpApi.MAX_HEADERS_BYTES), headers);
    }
    if (status.code() == 400 && request.headers().contains(HeaderNames.CONTENT_ENCODING)) {
      // Helidon refuses any coded body with a bare 400; RFC 9110 answers it 415 and says which
      // codings would do. Decoding is off: a body's length is read as sent. (A request that is
      // also bad otherwise hears of its coding first.)
      headers.set(HeaderNames.ACCEPT_ENCODING, "identity");
      return json(HttpError.unsupportedContentEncoding(), headers);
    }
    if ((status.code() == 400 || status.code() == 501) && request.headers().size() > 0) {
      // Helidon says only "Bad Request" (or "Not Implemented") for a head whose framing or Host
      // breaks RFC 9112; the client is told which rule. No headers: the request line failed.
      Optional<String> problem = RequestFraming.problem(request.headers());
      if (problem.isPresent()) {
        return json(new HttpError(status.code(), code(status.code()), problem.get()), headers);
      }
    }
    if (eventType == EventType.INTERNAL_ERROR && method.isEmpty()) {
      // A failure before Helidon knew the request is one in reading the client's bytes, yet
      // Helidon 4.5.0 calls some of them internal errors, and logs each 500 as a warning with a
      // stack trace: a method that is not a token (GE"T, GÉT), or a client that hung up before its
      // headers ended. They are the client's, and a 400 is not logged.
      return json(HttpError.badRequest("the request could not be read"), headers);
    }
    return json(new HttpError(status.code(), code(status.code()), said(status)), headers);
  }

  private static TransportResponse json(HttpError error, ServerResponseHeaders headers) {
    return TransportResponse.builder()
        .status(status(error.status()))
        .headers(headers)
        .header(HeaderNames.CONTENT_TYPE, "application/json")
        .entity(Responses.error(error))
        .build();
  }

  /** Helidon 4.5.0 has no 431 of its own, and would send the number as its reason phrase. */
  private static Status status(int code) {
    return code == 431
        ? Status.create(431, "Request Header Fields Too Large")
        : Status.create(code);
  }

  private static String said(Status status) {
    return switch (status.code()) {
      case 400 -> "the request line or headers are not valid HTTP/1.1";
      case 505 -> "this service speaks HTTP/1.1 only";
      default -> status.reasonPhrase();
    };
  }

  private static String code(int status) {
    return switch (status) {
      case 400 -> "INVALID_REQUEST";
      case 413 -> "PAYLOAD_TOO_LARGE";
      case 414 -> "URI_TOO_LONG";
      case 431 -> "REQUEST_HEADER_FIELDS_TOO_LARGE";
      case 501 -> "NOT_IMPLEMENTED";
      case 505 -> "HTTP_VERSION_NOT_SUPPORTED";
      default -> status >= 500 ? "INTERNAL_SERVER_ERROR" : "INVALID_REQUEST";
    };
  }
}

package dev.licensekeys.http;

import java.util.Objects;

/** What the client gets when a request fails: a status and the {@code {code, message}} body. */
public record HttpError(int status, String code, String message) {

  public HttpError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  static HttpError badRequest(String message) {
    return new HttpError(400, "INVALID_REQUEST", message);
  }

  static HttpError badBody(String message) {
    return new HttpError(400, "INVALID_REQUEST_BODY", message);
  }

  static HttpError invalidBody(String message) {
    return new HttpError(422, "INVALID_REQUEST_BODY", message);
  }

  static HttpError invalidQuery(String message) {
    return new HttpError(422, "INVALID_QUERY_PARAMS", message);
  }

  static HttpError unauthorized() {
    return new HttpError(
        401, "UNAUTHORIZED", "a valid API key is required: Authorization: Bearer <key>");
  }

  static HttpError notFound() {
    return new HttpError(404, "NOT_FOUND", "no such route");
  }

  static HttpError methodNotAllowed(String method) {
    return new HttpError(405, "METHOD_NOT_ALLOWED", method + " is not allowed here");
  }

  static HttpError unsupportedMediaType(String accepted) {
    return new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", "the body must be " + accepted);
  }

  static HttpError unsupportedContentEncoding() {
    return new HttpError(
        415, "UNSUPPORTED_MEDIA_TYPE", "the body must be sent without a Content-Encoding");
  }

  static HttpError tooLarge(int limit) {
    return new HttpError(413, "PAYLOAD_TOO_LARGE", "the body must be at most " + limit + " bytes");
  }

  static HttpError headersTooLarge(int limit) {
    return new HttpError(
        431,
        "REQUEST_HEADER_FIELDS_TOO_LARGE",
        "the request's headers must be at most " + limit + " bytes in all");
  }

  static HttpError unavailable() {
    return new HttpError(
        503,
        "SERVICE_UNAVAILABLE",
        "the database is unavailable; nothing changed, try again shortly");
  }

  static HttpError stopping() {
    return new HttpError(503, "SERVICE_UNAVAILABLE", "the service is stopping; try again");
  }

  static HttpError internal() {
    return new HttpError(500, "INTERNAL_SERVER_ERROR", "something went wrong on our side");
  }
}

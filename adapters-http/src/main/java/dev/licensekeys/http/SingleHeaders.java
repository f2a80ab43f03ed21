package dev.licensekeys.http;

import io.helidon.http.HeaderName;
import io.helidon.http.Headers;
import io.vavr.control.Option;

/**
 * Headers that carry one value, whose value a route acts on: sent on two lines, which of them
 * counts would be a guess, and a proxy in front may have read the other one (checked the other API
 * key, or kept the other idempotency key). Such a request is refused, naming the header, never its
 * values. A list header such as {@code If-Match} is not one of them: its lines join into one list.
 */
final class SingleHeaders {

  private SingleHeaders() {}

  /** The refusal of a request that sends any of {@code names} on more than one line, if it does. */
  static Option<HttpError> repeated(Headers headers, HeaderName... names) {
    for (HeaderName name : names) {
      if (headers.contains(name) && headers.get(name).valueCount() > 1) {
        return Option.some(HttpError.badRequest("send the " + name.defaultCase() + " header once"));
      }
    }
    return Option.none();
  }
}

package dev.licensekeys.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which of RFC 9112's rules a request's head breaks about where its body ends and which host it is
 * for, in words a client can act on. Helidon 4.5.0 refuses such a request with a bare "Bad Request"
 * (or "Not Implemented" for a transfer coding it does not take); {@link ServerRefusals} says which
 * rule it was. The words never repeat the request's values.
 */
final class RequestFraming {

  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  private RequestFraming() {}

  /** The first rule {@code headers} break, if any. */
  static Optional<String> problem(Headers headers) {
    if (sent(headers, HeaderNames.HOST).size() != 1) {
      return Optional.of("a request must have one Host header");
    }
    List<String> lengths = sent(headers, HeaderNames.CONTENT_LENGTH);
    List<String> codings = sent(headers, HeaderNames.TRANSFER_ENCODING);
    if (!lengths.isEmpty() && !codings.isEmpty()) {
      return Optional.of("a request may not have both Content-Length and Transfer-Encoding");
    }
    if (!lengths.isEmpty() && (lengths.size() > 1 || !isLength(lengths.getFirst()))) {
      return Optional.of("Content-Length must be given once, as a whole number of bytes");
    }
    if (!codings.isEmpty() && !onlyChunked(headers)) {
      return Optional.of("a request's only transfer coding may be chunked, given once");
    }
    return Optional.empty();
  }

  /** Each value of every line of the header, as sent. */
  private static List<String> sent(Headers headers, HeaderName name) {
    return headers.all(name, List::of);
  }

  private static boolean isLength(String value) {
    if (!DIGITS.matcher(value).matches()) {
      return false;
    }
    try {
      Long.parseLong(value);
      return true;
    } catch (NumberFormatException tooLarge) {
      return false;
    }
  }

  private static boolean onlyChunked(Headers headers) {
    List<String> codings = headers.values(HeaderNames.TRANSFER_ENCODING);
    return codings.size() == 1
        && codings.getFirst().trim().toLowerCase(Locale.ROOT).equals("chunked");
  }
}

package dev.licensekeys.http;

import io.vavr.control.Option;

/** ETags are the key's version, quoted: {@code "7"}. {@code If-Match} must name one, or be *. */
final class IfMatch {

  private IfMatch() {}

  static String etag(long version) {
    return "\"" + version + "\"";
  }

  /**
   * The version {@code If-Match} demands: none when absent or {@code *} (any version will do);
   * outer none when the header is not a version this API could have given.
   */
  static Option<Option<Long>> parse(Option<String> header) {
    if (header.isEmpty() || header.get().strip().equals("*")) {
      return Option.some(Option.none());
    }
    String value = header.get().strip();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    if (value.length() < 3 || !value.startsWith("\"") || !value.endsWith("\"")) {
      return Option.none();
    }
    String digits = value.substring(1, value.length() - 1);
    if (!digits.matches("[0-9]{1,18}")) {
      return Option.none();
    }
    return Option.some(Option.some(Long.parseLong(digits)));
  }
}

package dev.licensekeys.http;

import io.vavr.control.Option;

/**
 * Text that every database stores exactly as sent. PostgreSQL refuses NUL in text, and an unpaired
 * UTF-16 surrogate has no UTF-8 form: PostgreSQL's driver stores it as {@code ?}, so a request
 * would be answered with a name that was never kept. Both are refused where a request or an import
 * line is read.
 */
public final class StorableText {

  private StorableText() {}

  /** Why {@code text} cannot be stored as sent, if it cannot. */
  public static Option<String> problem(String text) {
    if (text.indexOf('\0') >= 0) {
      return Option.some("must not contain NUL characters");
    }
    if (text.codePoints().anyMatch(StorableText::isSurrogate)) {
      return Option.some("must not contain an unpaired surrogate (\\uD800 to \\uDFFF alone)");
    }
    return Option.none();
  }

  /** {@link String#codePoints} gives a surrogate as a code point of its own only when unpaired. */
  private static boolean isSurrogate(int codePoint) {
    return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
  }
}

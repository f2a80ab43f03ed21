package dev.licensekeys.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * JSON written straight into bytes, for the license key that nearly every answer carries: in about
 * half the time of Jackson's generator (docs/BENCHMARKS.md, change 35). Text is escaped byte for
 * byte as Jackson's UTF-8 generator escapes it, which {@code LicenseKeyJsonProperties} proves:
 * quote and backslash, control characters (short forms where JSON has them), and every surrogate as
 * {@code \\uXXXX}; anything else as UTF-8.
 */
final class JsonBytes {

  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  private byte[] bytes;
  private int size;

  JsonBytes(int capacity) {
    bytes = new byte[capacity];
  }

  /** Punctuation and field names: text the caller knows to be plain ASCII that needs no escape. */
  JsonBytes raw(String ascii) {
    int length = ascii.length();
    ensure(length);
    for (int i = 0; i < length; i++) {
      bytes[size++] = (byte) ascii.charAt(i);
    }
    return this;
  }

  JsonBytes string(String text) {
    int length = text.length();
    ensure(length + 2);
    byte[] out = bytes;
    int at = size;
    out[at++] = '"';
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        out[at++] = (byte) c;
        continue;
      }
      // Room for the rest at six bytes a char, the most one takes (an escape): plain ASCII, by
      // far the usual text, never needs more than a byte a char.
      size = at;
      ensure((length - i) * 6 + 1);
      out = bytes;
      if (c < 0x80) {
        at = escape(out, at, c);
      } else if (c < 0x800) {
        out[at++] = (byte) (0xC0 | (c >> 6));
        out[at++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        at = unicodeEscape(out, at, c);
      } else {
        out[at++] = (byte) (0xE0 | (c >> 12));
        out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        out[at++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    out[at++] = '"';
    size = at;
    return this;
  }

  JsonBytes number(long value) {
    return raw(Long.toString(value));
  }

  JsonBytes nullValue() {
    return raw("null");
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private static int escape(byte[] out, int at, char c) {
    char shortForm =
        switch (c) {
          case '"' -> '"';
          case '\\' -> '\\';
          case '\b' -> 'b';
          case '\t' -> 't';
          case '\n' -> 'n';
          case '\f' -> 'f';
          case '\r' -> 'r';
          default -> 0;
        };
    if (shortForm == 0) {
      return unicodeEscape(out, at, c);
    }
    out[at++] = '\\';
    out[at++] = (byte) shortForm;
    return at;
  }

  private static int unicodeEscape(byte[] out, int at, char c) {
    out[at++] = '\\';
    out[at++] = 'u';
    out[at++] = HEX[(c >> 12) & 0xF];
    out[at++] = HEX[(c >> 8) & 0xF];
    out[at++] = HEX[(c >> 4) & 0xF];
    out[at++] = HEX[c & 0xF];
    return at;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}

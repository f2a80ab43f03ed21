package dev.licensekeys.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A file's lines, each decoded from UTF-8 on its own. A reader that decodes ahead of the line it
 * returns meets bytes that are not UTF-8 while it returns an earlier line, and cannot say which
 * line holds them; here they fail their own line only. The lines are split as bytes (ISO 8859-1
 * maps each byte to one character and back), then each is decoded.
 */
final class Utf8Lines {

  private final BufferedReader bytesAsCharacters;
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();

  Utf8Lines(InputStream in) {
    this.bytesAsCharacters =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16);
  }

  /** The next line's bytes without its line end, or null after the last line. */
  byte[] next() throws IOException {
    String line = bytesAsCharacters.readLine();
    return line == null ? null : line.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** {@code bytes} as UTF-8 text; bytes that are not UTF-8 throw rather than become U+FFFD. */
  String decode(byte[] bytes) throws CharacterCodingException {
    return utf8.decode(ByteBuffer.wrap(bytes)).toString();
  }
}

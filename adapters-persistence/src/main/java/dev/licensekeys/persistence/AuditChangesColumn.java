package dev.licensekeys.persistence;

import dev.licensekeys.domain.model.FieldChange;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * An audit event's field changes as the text of one column, a JSON array of {@code [field, before,
 * after]} triples with {@code null} for no value: {@code [["activations_limit","5",null]]}. One
 * column instead of a row per change saves every write a statement (and PostgreSQL a round trip),
 * and stays readable to an operator, or to PostgreSQL's {@code ::jsonb}.
 */
final class AuditChangesColumn {

  private AuditChangesColumn() {}

  static String encode(Seq<FieldChange> changes) {
    StringBuilder json = new StringBuilder(32 + 48 * changes.size()).append('[');
    for (FieldChange change : changes) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append('[');
      string(json, change.field());
      json.append(',');
      optionalString(json, change.before());
      json.append(',');
      optionalString(json, change.after());
      json.append(']');
    }
    return json.append(']').toString();
  }

  /** The changes {@link #encode} wrote; an {@code IllegalStateException} for any other text. */
  static Seq<FieldChange> decode(String column) {
    Reader reader = new Reader(column);
    java.util.List<FieldChange> changes = new java.util.ArrayList<>();
    reader.expect('[');
    if (!reader.skipIf(']')) {
      do {
        reader.expect('[');
        String field = reader.string();
        reader.expect(',');
        Option<String> before = reader.optionalString();
        reader.expect(',');
        Option<String> after = reader.optionalString();
        reader.expect(']');
        changes.add(new FieldChange(field, before, after));
      } while (reader.skipIf(','));
      reader.expect(']');
    }
    reader.expectEnd();
    return List.ofAll(changes);
  }

  private static void optionalString(StringBuilder json, Option<String> value) {
    if (value.isEmpty()) {
      json.append("null");
    } else {
      string(json, value.get());
    }
  }

  private static void string(StringBuilder json, String value) {
    json.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }

  private static final class Reader {
    private final String text;
    private int at;

    Reader(String text) {
      this.text = text;
    }

    void expect(char c) {
      if (!skipIf(c)) {
        throw malformed("'" + c + "' expected");
      }
    }

    boolean skipIf(char c) {
      if (at < text.length() && text.charAt(at) == c) {
        at++;
        return true;
      }
      return false;
    }

    void expectEnd() {
      if (at != text.length()) {
        throw malformed("end expected");
      }
    }

    Option<String> optionalString() {
      if (text.startsWith("null", at)) {
        at += 4;
        return Option.none();
      }
      return Option.some(string());
    }

    String string() {
      expect('"');
      StringBuilder value = new StringBuilder();
      while (true) {
        if (at >= text.length()) {
          throw malformed("unterminated string");
        }
        char c = text.charAt(at++);
        if (c == '"') {
          return value.toString();
        }
        if (c != '\\') {
          value.append(c);
          continue;
        }
        if (at >= text.length()) {
          throw malformed("unterminated escape");
        }
        char escaped = text.charAt(at++);
        switch (escaped) {
          case '"', '\\', '/' -> value.append(escaped);
          case 'u' -> {
            int code = 0;
            for (int digit = 0; digit < 4; digit++) {
              int hex = at < text.length() ? Character.digit(text.charAt(at++), 16) : -1;
              if (hex < 0) {
                throw malformed("a \\u escape needs four hex digits");
              }
              code = code * 16 + hex;
            }
            value.append((char) code);
          }
          default -> throw malformed("unknown escape \\" + escaped);
        }
      }
    }

    private IllegalStateException malformed(String problem) {
      return new IllegalStateException(
          "an audit event's changes column is malformed at " + at + ": " + problem);
    }
  }
}

package dev.licensekeys.domain.inmemory;

import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.AuditOperation;
import dev.licensekeys.domain.model.FieldChange;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * An audit event as bytes and back, every field kept: what {@link AuditLog} stores. Text is kept as
 * its length and its chars, a byte each when all are Latin-1 (ids, field names, numbers and
 * instants always are), else UTF-16, so that any string survives, a lone surrogate too, which UTF-8
 * would drop.
 */
final class AuditEventBytes {

  private static final int LATIN1_MAX = 0xFF;

  private AuditEventBytes() {}

  static int size(AuditEvent event) {
    int size = text(event.businessId()) + text(event.subjectId()) + Byte.BYTES + Integer.BYTES;
    for (FieldChange change : event.changes()) {
      size += text(change.field()) + optionalText(change.before()) + optionalText(change.after());
    }
    return size + Long.BYTES + Integer.BYTES + optionalText(event.apiKeyId());
  }

  /** Writes the event at the buffer's position, which must have {@link #size} bytes left. */
  static void encode(AuditEvent event, ByteBuffer into) {
    putText(into, event.businessId());
    putText(into, event.subjectId());
    into.put((byte) event.operation().ordinal());
    into.putInt(event.changes().size());
    for (FieldChange change : event.changes()) {
      putText(into, change.field());
      putOptionalText(into, change.before());
      putOptionalText(into, change.after());
    }
    into.putLong(event.at().getEpochSecond());
    into.putInt(event.at().getNano());
    putOptionalText(into, event.apiKeyId());
  }

  /** Reads the event at the buffer's position, and moves past it. */
  static AuditEvent decode(ByteBuffer from) {
    String businessId = getText(from);
    String subjectId = getText(from);
    AuditOperation operation = AuditOperation.values()[from.get()];
    int changeCount = from.getInt();
    List<FieldChange> newestFirst = List.empty();
    for (int i = 0; i < changeCount; i++) {
      newestFirst =
          newestFirst.prepend(
              new FieldChange(getText(from), getOptionalText(from), getOptionalText(from)));
    }
    Instant at = Instant.ofEpochSecond(from.getLong(), from.getInt());
    return new AuditEvent(
        businessId, subjectId, operation, newestFirst.reverse(), at, getOptionalText(from));
  }

  private static int text(String text) {
    return Integer.BYTES + (isLatin1(text) ? 1 : Character.BYTES) * text.length();
  }

  private static boolean isLatin1(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > LATIN1_MAX) {
        return false;
      }
    }
    return true;
  }

  private static int optionalText(Option<String> text) {
    return Byte.BYTES + text.map(AuditEventBytes::text).getOrElse(0);
  }

  /** The length, negative for UTF-16, then a byte a char when every char is Latin-1. */
  private static void putText(ByteBuffer into, String text) {
    if (isLatin1(text)) {
      into.putInt(text.length());
      for (int i = 0; i < text.length(); i++) {
        into.put((byte) text.charAt(i));
      }
    } else {
      into.putInt(-text.length());
      for (int i = 0; i < text.length(); i++) {
        into.putChar(text.charAt(i));
      }
    }
  }

  private static String getText(ByteBuffer from) {
    int length = from.getInt();
    char[] chars = new char[Math.abs(length)];
    if (length < 0) {
      for (int i = 0; i < chars.length; i++) {
        chars[i] = from.getChar();
      }
    } else {
      for (int i = 0; i < chars.length; i++) {
        chars[i] = (char) (from.get() & LATIN1_MAX);
      }
    }
    return new String(chars);
  }

  private static void putOptionalText(ByteBuffer into, Option<String> text) {
    into.put((byte) (text.isDefined() ? 1 : 0));
    for (String value : text) {
      putText(into, value);
    }
  }

  private static Option<String> getOptionalText(ByteBuffer from) {
    return from.get() == 1 ? Option.some(getText(from)) : Option.none();
  }
}

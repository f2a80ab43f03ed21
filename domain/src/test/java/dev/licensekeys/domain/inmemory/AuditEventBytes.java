package dev.licensekeys.domain.inmemory;

import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.AuditOperation;
import dev.licensekeys.domain.model.FieldChange;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** An audit event as bytes and back, every field kept: what {@link AuditLog} stores. */
final class AuditEventBytes {

  private AuditEventBytes() {}

  static byte[] encode(AuditEvent event) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writeText(out, event.businessId());
      writeText(out, event.subjectId());
      out.writeByte(event.operation().ordinal());
      out.writeInt(event.changes().size());
      for (FieldChange change : event.changes()) {
        writeText(out, change.field());
        writeOptionalText(out, change.before());
        writeOptionalText(out, change.after());
      }
      out.writeLong(event.at().getEpochSecond());
      out.writeInt(event.at().getNano());
      writeOptionalText(out, event.apiKeyId());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static AuditEvent decode(byte[] bytes, int offset, int length) {
    try (DataInputStream in =
        new DataInputStream(new ByteArrayInputStream(bytes, offset, length))) {
      String businessId = readText(in);
      String subjectId = readText(in);
      AuditOperation operation = AuditOperation.values()[in.readUnsignedByte()];
      int changeCount = in.readInt();
      List<FieldChange> changes = List.empty();
      for (int i = 0; i < changeCount; i++) {
        changes =
            changes.prepend(
                new FieldChange(readText(in), readOptionalText(in), readOptionalText(in)));
      }
      Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
      return new AuditEvent(
          businessId, subjectId, operation, changes.reverse(), at, readOptionalText(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Length and UTF-16 chars: any string survives, a lone surrogate too, which UTF-8 would drop. */
  private static void writeText(DataOutputStream out, String text) throws IOException {
    out.writeInt(text.length());
    out.writeChars(text);
  }

  private static String readText(DataInputStream in) throws IOException {
    char[] chars = new char[in.readInt()];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = in.readChar();
    }
    return new String(chars);
  }

  private static void writeOptionalText(DataOutputStream out, Option<String> text)
      throws IOException {
    out.writeBoolean(text.isDefined());
    for (String value : text) {
      writeText(out, value);
    }
  }

  private static Option<String> readOptionalText(DataInputStream in) throws IOException {
    return in.readBoolean() ? Option.some(readText(in)) : Option.none();
  }
}

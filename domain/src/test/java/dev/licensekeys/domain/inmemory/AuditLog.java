package dev.licensekeys.domain.inmemory;

import dev.licensekeys.domain.model.AuditEvent;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.nio.ByteBuffer;
import java.util.ArrayList;

/**
 * The audit events of the in-memory adapters, oldest first, as bytes appended to blocks of 4 MiB,
 * as a database keeps rows in its pages. Kept as objects (a dozen small ones an event), the events
 * of a long load run were copied by every young collection through the survivor spaces until they
 * were old enough to promote: under the load benchmark the in-memory service paused 50 to 67 ms
 * every 1.7 s (docs/BENCHMARKS.md, change 31). A few large arrays cost the collector next to
 * nothing. Not thread-safe: the store's lock guards it.
 */
final class AuditLog {

  static final int BLOCK_BYTES = 4 * 1024 * 1024;
  private static final int LENGTH_BYTES = Integer.BYTES;

  private final int blockBytes;
  private final java.util.List<ByteBuffer> blocks = new ArrayList<>();

  AuditLog() {
    this(BLOCK_BYTES);
  }

  /** Blocks of {@code blockBytes}, or one event's size where an event is larger. */
  AuditLog(int blockBytes) {
    this.blockBytes = blockBytes;
  }

  void append(AuditEvent event) {
    byte[] encoded = AuditEventBytes.encode(event);
    int needed = LENGTH_BYTES + encoded.length;
    if (blocks.isEmpty() || blocks.getLast().remaining() < needed) {
      blocks.add(ByteBuffer.allocate(Math.max(blockBytes, needed)));
    }
    blocks.getLast().putInt(encoded.length).put(encoded);
  }

  Seq<AuditEvent> events() {
    List<AuditEvent> newestFirst = List.empty();
    for (ByteBuffer block : blocks) {
      byte[] bytes = block.array();
      for (int at = 0; at < block.position(); ) {
        int length = ByteBuffer.wrap(bytes, at, LENGTH_BYTES).getInt();
        newestFirst = newestFirst.prepend(AuditEventBytes.decode(bytes, at + LENGTH_BYTES, length));
        at += LENGTH_BYTES + length;
      }
    }
    return newestFirst.reverse();
  }
}

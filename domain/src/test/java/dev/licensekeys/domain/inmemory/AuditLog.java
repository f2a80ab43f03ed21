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
 * were old enough to promote: a minute into the load benchmark, the in-memory service paused 50 to
 * 67 ms every 1.7 s (docs/BENCHMARKS.md, change 31). A few large arrays cost the collector next to
 * nothing. Not thread-safe: the store's lock guards it.
 */
final class AuditLog {

  static final int BLOCK_BYTES = 4 * 1024 * 1024;

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
    int size = AuditEventBytes.size(event);
    if (blocks.isEmpty() || blocks.getLast().remaining() < size) {
      blocks.add(ByteBuffer.allocate(Math.max(blockBytes, size)));
    }
    AuditEventBytes.encode(event, blocks.getLast());
  }

  Seq<AuditEvent> events() {
    List<AuditEvent> newestFirst = List.empty();
    for (ByteBuffer block : blocks) {
      ByteBuffer written = block.duplicate().flip();
      while (written.hasRemaining()) {
        newestFirst = newestFirst.prepend(AuditEventBytes.decode(written));
      }
    }
    return newestFirst.reverse();
  }
}

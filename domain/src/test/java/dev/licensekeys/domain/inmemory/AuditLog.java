package dev.licensekeys.domain.inmemory;

import dev.licensekeys.domain.model.AuditEvent;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.nio.ByteBuffer;
import java.util.ArrayList;

/**
 * The audit events of the in-memory adapters, oldest first, as bytes appended to blocks outside the
 * heap, as a database keeps rows in its pages. Kept as objects (a dozen small ones an event), the
 * events of a long load run were copied by every young collection through the survivor spaces until
 * they were old enough to promote: a minute into the load benchmark, the in-memory service paused
 * 50 to 67 ms every 1.7 s (docs/BENCHMARKS.md, change 31). Kept as arrays on the heap, they grew
 * the old generation by some 10 MB/s under that load, and past G1's threshold a concurrent
 * collection ran every 0.7 s (change 33). Blocks start small, since most stores keep a few events,
 * and double up to 4 MiB. Not thread-safe: the store's lock guards it.
 */
final class AuditLog {

  static final int FIRST_BLOCK_BYTES = 16 * 1024;
  static final int BLOCK_BYTES = 4 * 1024 * 1024;

  private final int firstBlockBytes;
  private final int maxBlockBytes;
  private final java.util.List<ByteBuffer> blocks = new ArrayList<>();

  AuditLog() {
    this(FIRST_BLOCK_BYTES, BLOCK_BYTES);
  }

  /**
   * Blocks from {@code firstBlockBytes} doubling up to {@code maxBlockBytes}, or one event's size
   * where an event is larger.
   */
  AuditLog(int firstBlockBytes, int maxBlockBytes) {
    this.firstBlockBytes = firstBlockBytes;
    this.maxBlockBytes = maxBlockBytes;
  }

  void append(AuditEvent event) {
    int size = AuditEventBytes.size(event);
    if (blocks.isEmpty() || blocks.getLast().remaining() < size) {
      blocks.add(ByteBuffer.allocateDirect(Math.max(nextBlockBytes(), size)));
    }
    AuditEventBytes.encode(event, blocks.getLast());
  }

  private int nextBlockBytes() {
    int doubled = blocks.isEmpty() ? firstBlockBytes : 2 * blocks.getLast().capacity();
    return Math.min(doubled, maxBlockBytes);
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

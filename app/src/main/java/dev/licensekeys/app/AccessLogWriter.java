package dev.licensekeys.app;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes access-log lines on a thread of its own, so a request never waits for the terminal. When
 * the queue is full the request writes its line itself: slower, but no line is lost.
 *
 * <p>The thread writes what has queued up as one batch, then rests before the next. A request that
 * queues a line while the thread waits for one has to wake it, a system call and a switch of
 * threads; written one line at a time, that was every request of a busy service, and 5% of its CPU
 * on H2 (docs/BENCHMARKS.md, change 28). Resting, the thread is not waiting, so under load requests
 * only queue; idle, the first line wakes it at once.
 *
 * <p>Public for the load benchmark, whose service on in-memory adapters logs as the service does.
 */
public final class AccessLogWriter implements Consumer<String>, AutoCloseable {

  private static final int CAPACITY = 10_000;
  private static final long REST_MILLIS = 5;

  private final BlockingQueue<String> lines;
  private final PrintStream out;
  private final Thread writer;
  private volatile boolean open = true;

  public AccessLogWriter(PrintStream out) {
    this(out, CAPACITY);
  }

  AccessLogWriter(PrintStream out, int capacity) {
    this.lines = new ArrayBlockingQueue<>(capacity);
    this.out = out;
    this.writer = Thread.ofPlatform().daemon().name("access-log").start(this::drain);
  }

  @Override
  public void accept(String line) {
    if (!lines.offer(line)) {
      out.println(line);
    }
  }

  private void drain() {
    List<String> batch = new ArrayList<>();
    try {
      while (open || !lines.isEmpty()) {
        String first = lines.poll(100, TimeUnit.MILLISECONDS);
        if (first != null) {
          batch.add(first);
          lines.drainTo(batch);
          write(batch);
          batch.clear();
          Thread.sleep(REST_MILLIS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    out.flush();
  }

  /**
   * The batch as one array of bytes in the stream's own charset, in one write. Printed as text, it
   * went through the stream's writer and encoder 8,192 characters at a time, most of this thread's
   * CPU before the system's own write (docs/BENCHMARKS.md, change 46).
   */
  private void write(List<String> batch) {
    String separator = System.lineSeparator();
    byte[] bytes = (String.join(separator, batch) + separator).getBytes(out.charset());
    out.write(bytes, 0, bytes.length);
    out.flush();
  }

  /** Writes what is queued, then stops. */
  @Override
  public void close() {
    open = false;
    try {
      writer.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package dev.licensekeys.app;

import java.io.PrintStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes access-log lines on a thread of its own, so a request never waits for the terminal. When
 * the queue is full the request writes its line itself: slower, but no line is lost.
 */
final class AccessLogWriter implements Consumer<String>, AutoCloseable {

  private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(10_000);
  private final PrintStream out;
  private final Thread writer;
  private volatile boolean open = true;

  AccessLogWriter(PrintStream out) {
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
    try {
      while (open || !lines.isEmpty()) {
        String line = lines.poll(100, TimeUnit.MILLISECONDS);
        if (line != null) {
          out.println(line);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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

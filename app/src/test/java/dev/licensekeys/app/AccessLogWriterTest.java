package dev.licensekeys.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AccessLogWriterTest {

  /** What the writer printed, and how many times it flushed. */
  private static final class Terminal extends ByteArrayOutputStream {

    final AtomicInteger flushes = new AtomicInteger();

    @Override
    public void flush() {
      flushes.incrementAndGet();
    }

    synchronized List<String> lines() {
      String text = toString(StandardCharsets.UTF_8);
      return text.isEmpty() ? List.of() : Arrays.asList(text.split(System.lineSeparator()));
    }
  }

  @Test
  void everyLineFromEveryThreadIsWrittenWholeAndOnceAlsoWhenTheQueueOverflows()
      throws InterruptedException {
    Terminal terminal = new Terminal();
    List<Thread> requests = new ArrayList<>();
    // A queue of 10 overflows at once, so requests also write their lines themselves.
    try (AccessLogWriter writer = new AccessLogWriter(new PrintStream(terminal, true), 10)) {
      for (int thread = 0; thread < 8; thread++) {
        String name = "thread-" + thread;
        requests.add(
            Thread.ofPlatform()
                .start(
                    () -> IntStream.range(0, 5_000).forEach(i -> writer.accept(name + " " + i))));
      }
      for (Thread request : requests) {
        request.join();
      }
    }

    assertThat(terminal.lines().stream().sorted())
        .containsExactlyElementsOf(
            IntStream.range(0, 8)
                .boxed()
                .flatMap(
                    thread -> IntStream.range(0, 5_000).mapToObj(i -> "thread-" + thread + " " + i))
                .sorted()
                .toList());
  }

  @Test
  void linesQueuedTogetherAreWrittenTogetherNotOneFlushEach() {
    Terminal terminal = new Terminal();
    try (AccessLogWriter writer = new AccessLogWriter(new PrintStream(terminal, true))) {
      IntStream.range(0, 1_000).forEach(i -> writer.accept("line " + i));
    }

    assertThat(terminal.lines()).hasSize(1_000);
    assertThat(terminal.flushes.get()).isLessThan(50);
  }

  @Test
  void aLineIsWrittenWhileTheServiceRunsNotOnlyWhenItStops() throws InterruptedException {
    Terminal terminal = new Terminal();
    try (AccessLogWriter writer = new AccessLogWriter(new PrintStream(terminal, true))) {
      writer.accept("first");
      awaitLines(terminal, 1);
      assertThat(terminal.lines()).containsExactly("first");

      writer.accept("second");
      awaitLines(terminal, 2);
      assertThat(terminal.lines()).containsExactly("first", "second");
    }
  }

  @Test
  void linesAreWrittenInTheCharsetOfTheirStream() {
    Terminal utf8 = new Terminal();
    Terminal latin1 = new Terminal();
    try (AccessLogWriter toUtf8 =
            new AccessLogWriter(new PrintStream(utf8, true, StandardCharsets.UTF_8));
        AccessLogWriter toLatin1 =
            new AccessLogWriter(new PrintStream(latin1, true, StandardCharsets.ISO_8859_1))) {
      toUtf8.accept("café ✓");
      toLatin1.accept("café");
    }

    assertThat(utf8.toByteArray())
        .isEqualTo(("café ✓" + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
    assertThat(latin1.toByteArray())
        .isEqualTo(("café" + System.lineSeparator()).getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Waits up to 5 s for {@code count} lines, without closing the writer. */
  private static void awaitLines(Terminal terminal, int count) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
    while (terminal.lines().size() < count && Instant.now().isBefore(deadline)) {
      Thread.sleep(5);
    }
  }
}

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
  void every_line_from_every_thread_is_written_whole_and_once_also_when_the_queue_overflows()
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
  void lines_queued_together_are_written_together_not_one_flush_each() {
    Terminal terminal = new Terminal();
    try (AccessLogWriter writer = new AccessLogWriter(new PrintStream(terminal, true))) {
      IntStream.range(0, 1_000).forEach(i -> writer.accept("line " + i));
    }

    assertThat(terminal.lines()).hasSize(1_000);
    assertThat(terminal.flushes.get()).isLessThan(50);
  }

  @Test
  void a_line_is_written_while_the_service_runs_not_only_when_it_stops()
      throws InterruptedException {
    Terminal terminal = new Terminal();
    try (AccessLogWriter writer = new AccessLogWriter(new PrintStream(terminal, true))) {
      writer.accept("first");
      Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
      while (terminal.lines().isEmpty() && Instant.now().isBefore(deadline)) {
        Thread.sleep(5);
      }
      assertThat(terminal.lines()).containsExactly("first");

      writer.accept("second");
      deadline = Instant.now().plus(Duration.ofSeconds(5));
      while (terminal.lines().size() < 2 && Instant.now().isBefore(deadline)) {
        Thread.sleep(5);
      }
      assertThat(terminal.lines()).containsExactly("first", "second");
    }
  }
}

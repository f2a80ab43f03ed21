package dev.licensekeys.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * How many connections the server holds at once. Helidon 4.5.0 treats a failed {@code accept} as
 * the end of its listener: once a process has used up its open files, the server stops listening
 * for good while the process lives on. Held under the cap, a connection past it waits in the
 * kernel's backlog until another one closes, and the files the process needs besides (its jars, the
 * database's file or sockets, the CLI's connections through H2's server) stay free.
 *
 * <p>Read from Linux's {@code /proc}: the JDK's {@code UnixOperatingSystemMXBean} tells the same,
 * but starting it cost the service's start about 40 ms. Where there is no {@code /proc}, the server
 * keeps Helidon's default, no cap.
 */
final class ConnectionCap {

  /** Files kept free beyond those open when the server is configured. */
  static final long HEADROOM = 128;

  private static final Path LIMITS = Path.of("/proc/self/limits");
  private static final Path OPEN_FILES = Path.of("/proc/self/fd");

  private ConnectionCap() {}

  /** The cap for this process, or -1 (Helidon's "no cap") where it cannot tell its limit. */
  static int ofThisProcess() {
    try {
      OptionalLong limit = openFileLimit(Files.readAllLines(LIMITS));
      if (limit.isEmpty()) {
        return -1;
      }
      try (Stream<Path> open = Files.list(OPEN_FILES)) {
        return of(limit.getAsLong(), open.count());
      }
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }

  /** The soft limit of "Max open files" in {@code /proc/self/limits}; none when unlimited. */
  static OptionalLong openFileLimit(List<String> limits) {
    for (String line : limits) {
      if (line.startsWith("Max open files")) {
        String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
        return soft.matches("[0-9]{1,18}")
            ? OptionalLong.of(Long.parseLong(soft))
            : OptionalLong.empty();
      }
    }
    return OptionalLong.empty();
  }

  static int of(long maxOpenFiles, long openFiles) {
    return Math.clamp(maxOpenFiles - openFiles - HEADROOM, 1, Integer.MAX_VALUE);
  }
}

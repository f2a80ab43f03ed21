package dev.licensekeys.domain.model;

import io.vavr.control.Option;
import java.time.Instant;

/** Every instant the domain keeps is at microsecond precision, as databases store it. */
public final class Timestamps {

  private Timestamps() {}

  /**
   * {@code instant.truncatedTo(MICROS)}, by the nanosecond of the second alone: every key built
   * passes through here, and the general truncation divides longs by a unit it reads at run time.
   */
  public static Instant micros(Instant instant) {
    return instant.minusNanos(nanosBelowAMicrosecond(instant));
  }

  /**
   * The same, inside an option. An instant already in microseconds keeps its option, so copying a
   * key (each patch applied does) makes no new one.
   */
  public static Option<Instant> micros(Option<Instant> instant) {
    return instant
        .filter(i -> nanosBelowAMicrosecond(i) != 0)
        .map(Timestamps::micros)
        .orElse(instant);
  }

  /**
   * The first instant the domain keeps (a whole microsecond) that is not before {@code instant}.
   */
  public static Instant microsNotBefore(Instant instant) {
    int below = nanosBelowAMicrosecond(instant);
    return below == 0 ? instant : instant.plusNanos(1_000 - below);
  }

  private static int nanosBelowAMicrosecond(Instant instant) {
    return instant.getNano() % 1_000;
  }
}

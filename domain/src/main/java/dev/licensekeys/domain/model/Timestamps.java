package dev.licensekeys.domain.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Every instant the domain keeps is at microsecond precision, as databases store it. */
public final class Timestamps {

  private Timestamps() {}

  public static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }
}

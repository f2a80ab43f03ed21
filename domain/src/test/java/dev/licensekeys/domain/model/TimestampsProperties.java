package dev.licensekeys.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written truncation agrees with {@code java.time}'s on any instant, and rounding up lands
 * on the first whole microsecond at or after it.
 */
class TimestampsProperties {

  @Property
  void microsIsTruncationToMicroseconds(@ForAll("instants") Instant instant) {
    assertThat(Timestamps.micros(instant)).isEqualTo(instant.truncatedTo(ChronoUnit.MICROS));
  }

  @Property
  void anInstantAlreadyInMicrosecondsIsKeptAsItIs(@ForAll("instants") Instant instant) {
    Instant micros = instant.truncatedTo(ChronoUnit.MICROS);

    assertThat(Timestamps.micros(micros)).isSameAs(micros);
  }

  @Property
  void anOptionalInstantIsTruncatedTheSameWay(@ForAll("instants") Instant instant) {
    assertThat(Timestamps.micros(Option.some(instant)))
        .isEqualTo(Option.some(instant.truncatedTo(ChronoUnit.MICROS)));
  }

  @Property
  void anOptionalInstantAlreadyInMicrosecondsKeepsItsOption(@ForAll("instants") Instant instant) {
    Option<Instant> micros = Option.some(instant.truncatedTo(ChronoUnit.MICROS));

    assertThat(Timestamps.micros(micros)).isSameAs(micros);
    assertThat(Timestamps.micros(Option.<Instant>none())).isEmpty();
  }

  @Property
  void microsNotBeforeIsTheFirstWholeMicrosecondAtOrAfter(@ForAll("instants") Instant instant) {
    Instant up = Timestamps.microsNotBefore(instant);

    assertThat(up.truncatedTo(ChronoUnit.MICROS)).isEqualTo(up);
    assertThat(Duration.between(instant, up)).isBetween(Duration.ZERO, Duration.ofNanos(999));
  }

  @Provide
  Arbitrary<Instant> instants() {
    // Before and after the epoch, and nanoseconds on and off a microsecond boundary.
    Arbitrary<Long> seconds =
        Arbitraries.oneOf(
            Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L),
            Arbitraries.longs()
                .between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond() - 1));
    Arbitrary<Integer> nanos =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 999_999_999),
            Arbitraries.integers().between(0, 999_999).map(micros -> micros * 1_000),
            Arbitraries.of(0, 1, 999, 1_000, 999_999_999));
    return seconds.flatMap(s -> nanos.map(n -> Instant.ofEpochSecond(s, n)));
  }
}

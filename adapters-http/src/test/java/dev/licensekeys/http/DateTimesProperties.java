package dev.licensekeys.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DateTimesProperties {

  @Property(tries = 5_000)
  void readsEveryDateTimeAsJavaTimeDoes(@ForAll("nearlyDateTimes") String text) {
    assertThat(outcome(() -> DateTimes.parse(text)))
        .isEqualTo(
            outcome(() -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
  }

  @Property
  void readsAnyTextAsJavaTimeDoes(@ForAll String text) {
    assertThat(outcome(() -> DateTimes.parse(text)))
        .isEqualTo(
            outcome(() -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
  }

  @Example
  void theShapeClientsSendTakesTheFastPath() {
    assertThat(DateTimes.usualShape("2030-01-01T00:00:00Z"))
        .isEqualTo(OffsetDateTime.parse("2030-01-01T00:00:00Z"));
    assertThat(DateTimes.usualShape("2024-02-29T23:59:59.123456789-05:30"))
        .isEqualTo(OffsetDateTime.parse("2024-02-29T23:59:59.123456789-05:30"));
    assertThat(DateTimes.usualShape("2030-01-01t00:00:00z")).isNull();
    assertThat(DateTimes.usualShape("2023-02-29T00:00:00Z")).isNull();
  }

  /** The value, or the word "error": what a caller can tell apart. */
  private static Object outcome(java.util.function.Supplier<OffsetDateTime> parse) {
    try {
      return parse.get();
    } catch (DateTimeException e) {
      return "error";
    }
  }

  @Example
  void everyFractionLengthAndOffsetOfTheUsualShapeIsReadAsJavaTimeReadsIt() {
    for (int digits = 1; digits <= 9; digits++) {
      for (String offset : new String[] {"Z", "+00:00", "-00:00", "+05:30", "-11:45", "+18:00"}) {
        String text = "2030-06-15T12:34:56." + "987654321".substring(0, digits) + offset;
        assertThat(DateTimes.usualShape(text))
            .as(text)
            .isEqualTo(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      }
    }
  }

  @Property(tries = 5_000)
  void writesEveryInstantAsInstantToStringDoes(@ForAll("instants") Instant instant) {
    assertThat(DateTimes.format(instant)).isEqualTo(instant.toString());
  }

  @Example
  void writesTheEdgesOfTheYearsItWritesByHandAsInstantToStringDoes() {
    for (String text :
        new String[] {
          "0000-01-01T00:00:00Z",
          "-0001-12-31T23:59:59.999999999Z",
          "9999-12-31T23:59:59.999999999Z",
          "+10000-01-01T00:00:00Z",
          "1970-01-01T00:00:00Z",
          "1969-12-31T23:59:59.000001Z",
          "2024-02-29T12:00:00.100Z",
          "2030-01-01T00:00:00.000000001Z"
        }) {
      Instant instant = Instant.parse(text);
      assertThat(DateTimes.format(instant)).isEqualTo(instant.toString()).isEqualTo(text);
    }
  }

  /** Any instant, most of them in the years written by hand, with every length of fraction. */
  @Provide
  Arbitrary<Instant> instants() {
    Arbitrary<Long> seconds =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(
                8,
                Arbitraries.longs()
                    .between(
                        Instant.parse("0000-01-01T00:00:00Z").getEpochSecond() - 86_400,
                        Instant.parse("9999-12-31T23:59:59Z").getEpochSecond() + 86_400)),
            net.jqwik.api.Tuple.of(
                1,
                Arbitraries.longs()
                    .between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())));
    Arbitrary<Integer> nanos =
        Arbitraries.oneOf(
            Arbitraries.just(0),
            Arbitraries.integers().between(0, 999).map(millis -> millis * 1_000_000),
            Arbitraries.integers().between(0, 999_999).map(micros -> micros * 1_000),
            Arbitraries.integers().between(0, 999_999_999));
    return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
  }

  /** Date-times, mostly valid, with every part sometimes out of range, missing or malformed. */
  @Provide
  Arbitrary<String> nearlyDateTimes() {
    Arbitrary<String> year =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(0, 9999).map(n -> pad(n, 4))),
            net.jqwik.api.Tuple.of(
                1, Arbitraries.of("203", "20300", "+2030", "-2030", "20a0", "\u0662\u0660")));
    Arbitrary<String> date =
        Combinators.combine(year, part(1, 12), part(1, 31)).as((y, m, d) -> y + "-" + m + "-" + d);
    Arbitrary<String> separator = Arbitraries.of("T", "T", "T", "T", "t", " ", "");
    Arbitrary<String> fraction =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            Arbitraries.strings().numeric().ofMaxLength(11).map(digits -> "." + digits));
    Arbitrary<String> offset =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, Arbitraries.just("Z")),
            net.jqwik.api.Tuple.of(
                3,
                Combinators.combine(Arbitraries.of("+", "-"), part(0, 18), part(0, 59))
                    .as((sign, hours, minutes) -> sign + hours + ":" + minutes)),
            net.jqwik.api.Tuple.of(
                1, Arbitraries.of("z", "", "+05", "+05:30:15", "+0530", "UTC", "+5:30")));
    return Combinators.combine(
            date, separator, part(0, 23), part(0, 59), part(0, 59), fraction, offset)
        .as((d, t, h, m, sec, f, o) -> d + t + h + ":" + m + ":" + sec + f + o);
  }

  /** Two digits, mostly within {@code [min, max]}, sometimes anything or malformed. */
  private static Arbitrary<String> part(int min, int max) {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(min, max).map(n -> pad(n, 2))),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 99).map(n -> pad(n, 2))),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("0", "000", "1a", "", "\u0661\u0662")));
  }

  private static String pad(int value, int width) {
    return String.format("%0" + width + "d", value);
  }
}

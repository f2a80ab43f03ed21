package dev.licensekeys.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DateTimesProperties {

  /**
   * RFC 3339's date-time (section 5.6), written from its grammar, with up to nine fraction digits.
   */
  private static final Pattern RFC_3339 =
      Pattern.compile(
          "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})");

  private static final Instant FIRST_KEPT = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant LAST_KEPT = Instant.parse("9999-12-31T23:59:59.999999999Z");

  @Property(tries = 5_000)
  void readsEveryDateTimeAsTheGrammarAndJavaTimeAgree(@ForAll("nearlyDateTimes") String text) {
    assertThat(outcome(() -> DateTimes.parse(text))).as(text).isEqualTo(expected(text));
  }

  @Property
  void readsAnyTextAsTheGrammarAndJavaTimeAgree(@ForAll String text) {
    assertThat(outcome(() -> DateTimes.parse(text))).as(text).isEqualTo(expected(text));
  }

  @Example
  void refusesWhatJavaTimeReadsButRfc3339DoesNotOrNoStoreKeeps() {
    for (String text :
        new String[] {
          "+10000-01-01T00:00:00Z",
          "+999999999-12-31T23:59:59Z",
          "-0001-01-01T00:00:00Z",
          "2030-01-01T00:00Z",
          "2030-01-01T00:00:00+05:30:15",
          "0000-01-01T00:00:00+01:00",
          "9999-12-31T23:59:59-01:00"
        }) {
      assertThat(outcome(() -> OffsetDateTime.parse(text))).as(text).isNotEqualTo("error");
      assertThat(outcome(() -> DateTimes.parse(text))).as(text).isEqualTo("error");
    }
  }

  @Property
  void aDateTimeButForItsSecondsBeing60IsToldItIsALeapSecond(
      @ForAll("instantsInTheYearsKept") Instant instant) {
    String readable = DateTimes.format(instant);
    String leap = readable.substring(0, 17) + "60" + readable.substring(19);

    assertThat(outcome(() -> DateTimes.parse(leap))).as(leap).isEqualTo("error");
    assertThat(DateTimes.problemWith(leap)).as(leap).isEqualTo(DateTimes.LEAP_SECOND_PROBLEM);
  }

  @Property
  void anyOtherTextRefusedIsToldWhatADateTimeLooksLike(@ForAll("nearlyDateTimes") String text) {
    boolean secondsOf60 = text.length() > 19 && text.startsWith("60", 17);
    if (!secondsOf60 && "error".equals(outcome(() -> DateTimes.parse(text)))) {
      assertThat(DateTimes.problemWith(text)).as(text).isEqualTo(DateTimes.PROBLEM);
    }
  }

  @Example
  void secondsOf60InTextThatIsNoDateTimeOtherwiseAreNotCalledALeapSecond() {
    for (String text :
        new String[] {
          "2030-13-01T00:00:60Z",
          "2030-01-01T00:00:60",
          "2030-01-01T00:00:60+24:00",
          "9999-12-31T23:59:60-01:00",
          "2030-01-01T00:00:61Z"
        }) {
      assertThat(DateTimes.problemWith(text)).as(text).isEqualTo(DateTimes.PROBLEM);
    }
  }

  @Example
  void readsTheEdgesOfTheYearsKeptAndEitherCaseOfTAndZ() {
    for (String text :
        new String[] {
          "0000-01-01T00:00:00Z",
          "9999-12-31T23:59:59.999999999Z",
          "2030-01-01t00:00:00z",
          "2030-01-01T00:00:00-00:00",
          "2024-02-29T23:59:59.123456789-05:30"
        }) {
      assertThat(DateTimes.parse(text))
          .as(text)
          .isEqualTo(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }
  }

  /**
   * What the grammar and the years kept allow, read as {@code java.time} reads it; else "error".
   */
  private static Object expected(String text) {
    if (!RFC_3339.matcher(text).matches()) {
      return "error";
    }
    Object parsed =
        outcome(() -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    return parsed instanceof OffsetDateTime dateTime && isKept(dateTime.toInstant())
        ? dateTime
        : "error";
  }

  private static boolean isKept(Instant instant) {
    return !instant.isBefore(FIRST_KEPT) && !instant.isAfter(LAST_KEPT);
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
  void everyFractionLengthAndOffsetIsReadAsJavaTimeReadsIt() {
    for (int digits = 1; digits <= 9; digits++) {
      for (String offset : new String[] {"Z", "+00:00", "-00:00", "+05:30", "-11:45", "+18:00"}) {
        String text = "2030-06-15T12:34:56." + "987654321".substring(0, digits) + offset;
        assertThat(DateTimes.parse(text))
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

  @Provide
  Arbitrary<Instant> instantsInTheYearsKept() {
    return instants().filter(DateTimesProperties::isKept);
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
    Arbitrary<String> seconds =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(9, part(0, 59).map(digits -> ":" + digits)),
            net.jqwik.api.Tuple.of(1, Arbitraries.just("")));
    return Combinators.combine(date, separator, part(0, 23), part(0, 59), seconds, fraction, offset)
        .as((d, t, h, m, sec, f, o) -> d + t + h + ":" + m + sec + f + o);
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

package dev.licensekeys.http;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * RFC 3339 date-times (section 5.6), read by hand: {@code 2030-01-01T00:00:00Z}, with an optional
 * fraction of up to nine digits and a {@code Z} or {@code ±HH:MM} offset, the {@code T} and {@code
 * Z} in either case, at an instant in the years 0000 to 9999 UTC. {@code java.time}'s ISO parser
 * reads more: years of five digits and more, signed years, minutes without seconds, offsets with
 * seconds. PostgreSQL cannot store the farthest of those years, and an answer would write them in a
 * form that is not RFC 3339. Written exactly as {@code Instant.toString} writes them. {@code
 * DateTimesProperties} checks both against {@code java.time}.
 */
public final class DateTimes {

  /** What a request is told when a date-time is refused. */
  public static final String PROBLEM =
      "must be an RFC 3339 date-time with Z or an offset, like 2026-01-01T00:00:00Z, in the years"
          + " 0000 to 9999";

  /**
   * What a request is told when it sends a leap second: RFC 3339 allows {@code :60}, but an instant
   * here (as in {@code java.time} and PostgreSQL's timestamps) has no room for one.
   */
  public static final String LEAP_SECOND_PROBLEM =
      "must not be a leap second (:60), which instants here do not keep: send :59, or :00 of the"
          + " next minute";

  private static final long SECONDS_PER_DAY = 86_400;

  /** The first and last second of the years 0000 to 9999: what is read, and written by hand. */
  private static final long FIRST_SECOND = LocalDate.of(0, 1, 1).toEpochDay() * SECONDS_PER_DAY;

  private static final long LAST_SECOND =
      (LocalDate.of(9999, 12, 31).toEpochDay() + 1) * SECONDS_PER_DAY - 1;

  private static final int[] SCALE = {
    100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
  };

  private DateTimes() {}

  /**
   * The date-time {@code text} spells.
   *
   * @throws DateTimeParseException when it is not an RFC 3339 date-time, or not in the years 0000
   *     to 9999 UTC
   */
  public static OffsetDateTime parse(String text) {
    OffsetDateTime parsed = read(text);
    if (parsed == null) {
      throw new DateTimeParseException(
          "not an RFC 3339 date-time in the years 0000 to 9999: " + text, text, 0);
    }
    return parsed;
  }

  /**
   * Why {@code text} was refused by {@link #parse}: {@link #LEAP_SECOND_PROBLEM} when it is a
   * date-time this class would read but for its seconds being 60, else {@link #PROBLEM}.
   */
  public static String problemWith(String text) {
    boolean leapSecond =
        text.length() > 19
            && text.startsWith("60", 17)
            && read(text.substring(0, 17) + "59" + text.substring(19)) != null;
    return leapSecond ? LEAP_SECOND_PROBLEM : PROBLEM;
  }

  /** The date-time {@code text} spells when it is RFC 3339 in the years kept, else null. */
  private static OffsetDateTime read(String text) {
    OffsetDateTime parsed = rfc3339(text);
    return parsed != null && withinTheYearsKept(parsed.toEpochSecond()) ? parsed : null;
  }

  private static boolean withinTheYearsKept(long epochSecond) {
    return epochSecond >= FIRST_SECOND && epochSecond <= LAST_SECOND;
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)} with valid values, else null. */
  private static OffsetDateTime rfc3339(String text) {
    int length = text.length();
    if (length < 20
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || (text.charAt(10) != 'T' && text.charAt(10) != 't')
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int at = 19;
    int nanos = 0;
    if (text.charAt(at) == '.') {
      int start = ++at;
      while (at < length && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
        at++;
      }
      int count = at - start;
      if (count < 1 || count > 9) {
        return null;
      }
      nanos = digits(text, start, count) * SCALE[count - 1];
    }
    ZoneOffset offset = offset(text, at);
    if (offset == null) {
      return null;
    }
    try {
      return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static ZoneOffset offset(String text, int at) {
    int left = text.length() - at;
    if (left == 1 && (text.charAt(at) == 'Z' || text.charAt(at) == 'z')) {
      return ZoneOffset.UTC;
    }
    char sign = left == 6 ? text.charAt(at) : ' ';
    if ((sign != '+' && sign != '-') || text.charAt(at + 3) != ':') {
      return null;
    }
    int hours = digits(text, at + 1, 2);
    int minutes = digits(text, at + 4, 2);
    if ((hours | minutes) < 0) {
      return null;
    }
    try {
      return sign == '+'
          ? ZoneOffset.ofHoursMinutes(hours, minutes)
          : ZoneOffset.ofHoursMinutes(-hours, -minutes);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * {@code instant.toString()}, the form every response and log line writes: UTC, {@code Z}, and
   * the fraction in groups of three digits only when it is not zero. By hand for the years 0000 to
   * 9999; {@code DateTimesProperties} checks it against {@code Instant.toString} on any instant.
   */
  static String format(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (!withinTheYearsKept(seconds)) {
      return instant.toString();
    }
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
    int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    int nanos = instant.getNano();
    int fraction = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
    byte[] text = new byte[20 + (fraction == 0 ? 0 : fraction + 1)];
    put(text, 0, date.getYear(), 4);
    text[4] = '-';
    put(text, 5, date.getMonthValue(), 2);
    text[7] = '-';
    put(text, 8, date.getDayOfMonth(), 2);
    text[10] = 'T';
    put(text, 11, secondOfDay / 3_600, 2);
    text[13] = ':';
    put(text, 14, secondOfDay / 60 % 60, 2);
    text[16] = ':';
    put(text, 17, secondOfDay % 60, 2);
    if (fraction > 0) {
      text[19] = '.';
      put(text, 20, nanos / SCALE[fraction - 1], fraction);
    }
    text[text.length - 1] = 'Z';
    return new String(text, StandardCharsets.US_ASCII);
  }

  /** Writes {@code value} as {@code count} decimal digits, zero-padded, at {@code at}. */
  private static void put(byte[] text, int at, int value, int count) {
    for (int i = at + count - 1; i >= at; i--) {
      text[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  /** The number the ASCII digits at {@code [start, start + count)} spell, or -1. */
  private static int digits(String text, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}

package dev.licensekeys.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Valid requests with unusual but legal values (text from every Unicode plane, the edges of int32
 * and of the years kept, any offset and fraction), each sent to the service on H2 and on
 * PostgreSQL. Whatever is acknowledged must be what is read back: each 2xx answer equals the GET
 * after it. Three values the decoder once accepted were not kept as answered on PostgreSQL
 * (docs/RELIABILITY.md); this looks for the next.
 */
class AcknowledgedValuesProperties {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger KEYS = new AtomicInteger();
  // A generated field's value when the field is left out, and when it is sent as JSON null.
  private static final Object ABSENT = new Object();
  private static final Object NULL = new Object();
  private static final List<String> AUTHED =
      List.of(
          "Authorization", "Bearer " + SeededServices.SECRET, "Content-Type", "application/json");

  private static List<SeededServices.Subject> subjects = List.of();

  @BeforeContainer
  static void start() throws Exception {
    subjects = SeededServices.startOnBothDatabases();
  }

  @AfterContainer
  static void stop() {
    SeededServices.closeAll(subjects);
  }

  @Property(tries = 150)
  void everyAcknowledgedValueIsReadBackAsAnswered(
      @ForAll("keyStrings") String keyString,
      @ForAll("patchBodies") ObjectNode imported,
      @ForAll("patchBodies") ObjectNode patch,
      @ForAll("names") String name,
      @ForAll("names") String rename)
      throws Exception {
    String uniqueKey = KEYS.incrementAndGet() + keyString;
    ObjectNode importBody =
        imported
            .deepCopy()
            .put("key", uniqueKey)
            .put("customer_id", SeededServices.CUSTOMER)
            .put("product_id", SeededServices.PRODUCT);
    importBody.remove("disabled");
    for (SeededServices.Subject subject : subjects) {
      HttpResponse<String> created = call(subject, "POST", "/license_keys", importBody);
      assertThat(created.statusCode())
          .as(subject.database() + ": " + created.body())
          .isEqualTo(201);
      String keyPath = "/license_keys/" + JSON.readTree(created.body()).path("id").asText();
      readsBackAs(subject, keyPath, created);
      assertThat(JSON.readTree(created.body()).path("key").asText()).isEqualTo(uniqueKey);

      HttpResponse<String> patched = call(subject, "PATCH", keyPath, patch);
      assertThat(patched.statusCode())
          .as(subject.database() + ": " + patched.body())
          .isEqualTo(200);
      readsBackAs(subject, keyPath, patched);
      // A key's JSON has no disabled field (its status says it), and this patch never disables.
      for (String field : List.of("activations_limit", "expires_at")) {
        JsonNode sent = patch.get(field);
        JsonNode expected = sent == null ? JSON.readTree(created.body()).path(field) : sent;
        assertThat(sameValue(field, JSON.readTree(patched.body()).path(field), expected))
            .as(
                subject.database()
                    + ": "
                    + field
                    + " sent "
                    + sent
                    + ", answered "
                    + patched.body())
            .isTrue();
      }

      ObjectNode activation = JSON.createObjectNode().put("license_key", uniqueKey);
      HttpResponse<String> activated =
          call(subject, "POST", "/licenses/activate", activation.put("name", name));
      if (activated.statusCode() == 201) {
        String instancePath =
            "/license_key_instances/" + JSON.readTree(activated.body()).path("id").asText();
        assertThat(JSON.readTree(call(subject, "GET", instancePath, null).body()).path("name"))
            .as(subject.database())
            .isEqualTo(JSON.readTree(activated.body()).path("name"));
        assertThat(JSON.readTree(activated.body()).path("name").asText()).isEqualTo(name);

        HttpResponse<String> renamed =
            call(subject, "PATCH", instancePath, JSON.createObjectNode().put("name", rename));
        assertThat(renamed.statusCode())
            .as(subject.database() + ": " + renamed.body())
            .isEqualTo(200);
        readsBackAs(subject, instancePath, renamed);
        assertThat(JSON.readTree(renamed.body()).path("name").asText()).isEqualTo(rename);
      }
    }
  }

  /**
   * A list between two bounds from a nanosecond to milliseconds either side of a key's creation,
   * written with any offset and fraction: the key is in it exactly when its instant is inside, and
   * so is every key listed. PostgreSQL rounded such bounds to the microsecond until the sixteenth
   * session.
   */
  @Property(tries = 60)
  void aListBetweenTwoBoundsHoldsExactlyTheKeysBetweenThem(
      @ForAll("shifts") long fromShift,
      @ForAll("shifts") long toShift,
      @ForAll("writings") Writing fromWriting,
      @ForAll("writings") Writing toWriting)
      throws Exception {
    for (SeededServices.Subject subject : subjects) {
      HttpResponse<String> created =
          call(
              subject,
              "POST",
              "/license_keys",
              JSON.createObjectNode()
                  .put("key", "window-" + KEYS.incrementAndGet())
                  .put("customer_id", SeededServices.CUSTOMER)
                  .put("product_id", SeededServices.PRODUCT));
      assertThat(created.statusCode()).as(subject.database()).isEqualTo(201);
      JsonNode key = JSON.readTree(created.body());
      Instant createdAt = Instant.parse(key.path("created_at").asText());
      String from = fromWriting.of(createdAt.minusNanos(fromShift));
      String to = toWriting.of(createdAt.plusNanos(toShift));
      Instant fromInstant = instantOf(from);
      Instant toInstant = instantOf(to);

      HttpResponse<String> listed =
          call(
              subject,
              "GET",
              "/license_keys?page_size=100&created_at_gte="
                  + URLEncoder.encode(from, StandardCharsets.UTF_8)
                  + "&created_at_lte="
                  + URLEncoder.encode(to, StandardCharsets.UTF_8),
              null);
      assertThat(listed.statusCode()).as(subject.database() + ": " + listed.body()).isEqualTo(200);
      List<JsonNode> items = new ArrayList<>();
      JSON.readTree(listed.body()).path("items").forEach(items::add);
      String window = subject.database() + ": " + from + " to " + to + ", created " + createdAt;
      for (JsonNode item : items) {
        Instant at = Instant.parse(item.path("created_at").asText());
        assertThat(!at.isBefore(fromInstant) && !at.isAfter(toInstant)).as(window).isTrue();
      }
      boolean inside = !createdAt.isBefore(fromInstant) && !createdAt.isAfter(toInstant);
      assertThat(items.stream().anyMatch(item -> item.path("id").equals(key.path("id"))))
          .as(window)
          .isEqualTo(inside);
    }
  }

  /** How far a bound lies from a key's instant: often under a microsecond, on either side. */
  @Provide
  Arbitrary<Long> shifts() {
    return Arbitraries.oneOf(
        Arbitraries.of(-1_000L, -999L, -1L, 0L, 1L, 999L, 1_000L),
        Arbitraries.longs().between(-2_000, 2_000),
        Arbitraries.longs().between(-5_000_000, 5_000_000));
  }

  /**
   * One way to write an instant as RFC 3339: an offset, fraction digits, and the case of T and Z.
   */
  record Writing(int offsetMinutes, int fractionDigits, String t, String z) {

    String of(Instant at) {
      ZoneOffset offset = ZoneOffset.ofTotalSeconds(offsetMinutes * 60);
      LocalDateTime local = LocalDateTime.ofInstant(at, offset);
      int shown = fractionDigits == 0 ? 0 : at.getNano() / (int) Math.pow(10, 9 - fractionDigits);
      String fraction =
          fractionDigits == 0 ? "" : String.format(".%0" + fractionDigits + "d", shown);
      String zone = offsetMinutes == 0 ? z : offset.getId();
      return String.format(
              "%04d-%02d-%02d%s%02d:%02d:%02d",
              local.getYear(),
              local.getMonthValue(),
              local.getDayOfMonth(),
              t,
              local.getHour(),
              local.getMinute(),
              local.getSecond())
          + fraction
          + zone;
    }
  }

  @Provide
  Arbitrary<Writing> writings() {
    return anyWriting();
  }

  private static Arbitrary<Writing> anyWriting() {
    return Combinators.combine(
            Arbitraries.integers().between(-18 * 60, 18 * 60),
            Arbitraries.integers().between(0, 9),
            Arbitraries.of("T", "t"),
            Arbitraries.of("Z", "z"))
        .as(Writing::new);
  }

  private static Instant instantOf(String rfc3339) {
    return OffsetDateTime.parse(rfc3339.toUpperCase(Locale.ROOT)).toInstant();
  }

  /** Equal values; for an instant, the one sent at the microseconds the store keeps. */
  private static boolean sameValue(String field, JsonNode answered, JsonNode expected) {
    if (field.equals("expires_at") && answered.isTextual() && expected.isTextual()) {
      return Instant.parse(answered.asText())
          .equals(instantOf(expected.asText()).truncatedTo(ChronoUnit.MICROS));
    }
    return answered.equals(expected);
  }

  private static void readsBackAs(
      SeededServices.Subject subject, String path, HttpResponse<String> answer) throws Exception {
    HttpResponse<String> read = call(subject, "GET", path, null);
    assertThat(read.body()).as(subject.database() + " " + path).isEqualTo(answer.body());
  }

  private static HttpResponse<String> call(
      SeededServices.Subject subject, String method, String path, ObjectNode body)
      throws Exception {
    byte[] bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
    return SeededServices.send(subject.application(), method, path, AUTHED, bytes);
  }

  // --- generators ---------------------------------------------------------------------------

  /** Key strings of up to 60 code points from every plane (a counter in front keeps them apart). */
  @Provide
  Arbitrary<String> keyStrings() {
    return text(60);
  }

  @Provide
  Arbitrary<String> names() {
    return text(255);
  }

  /** Code points from every plane, none a surrogate or NUL; not blank, at most 255 units. */
  private static Arbitrary<String> text(int maxCodePoints) {
    Arbitrary<Integer> codePoint =
        Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0x20, 0x7e)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(1, 0xffff)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10ffff)),
                net.jqwik.api.Tuple.of(
                    1, Arbitraries.of(0x1, 0x7f, 0x85, 0xa0, 0x2028, 0xfeff, 0xfffd, 0xffff)))
            .filter(value -> value < Character.MIN_SURROGATE || value > Character.MAX_SURROGATE);
    return codePoint
        .list()
        .ofMinSize(1)
        .ofMaxSize(maxCodePoints)
        .map(
            points ->
                new String(points.stream().mapToInt(Integer::intValue).toArray(), 0, points.size()))
        .filter(text -> !text.isBlank() && text.length() <= 255);
  }

  /** A PATCH body: each field absent, null or an unusual valid value. */
  @Provide
  Arbitrary<ObjectNode> patchBodies() {
    Arbitrary<Object> limit =
        Arbitraries.oneOf(
            Arbitraries.just(ABSENT),
            Arbitraries.just(NULL),
            Arbitraries.of(1, 2, 3, Integer.MAX_VALUE).map(Object.class::cast),
            Arbitraries.integers().between(1, Integer.MAX_VALUE).map(Object.class::cast));
    Arbitrary<Object> disabled =
        Arbitraries.of(ABSENT, NULL, Boolean.FALSE).map(Object.class::cast);
    Arbitrary<Object> expiry =
        Arbitraries.oneOf(
            Arbitraries.just(ABSENT), Arbitraries.just(NULL), rfc3339().map(Object.class::cast));
    return Combinators.combine(limit, disabled, expiry)
        .as(
            (l, d, e) -> {
              ObjectNode body = JSON.createObjectNode();
              set(body, "activations_limit", l);
              set(body, "disabled", d);
              set(body, "expires_at", e);
              return body;
            });
  }

  private static void set(ObjectNode body, String field, Object value) {
    if (value == NULL) {
      body.putNull(field);
    } else if (value instanceof Integer number) {
      body.put(field, number);
    } else if (value instanceof Boolean flag) {
      body.put(field, flag);
    } else if (value instanceof String text) {
      body.put(field, text);
    }
  }

  /**
   * An instant in the years 0000 to 9999, as RFC 3339 with any offset a local time in those years
   * allows, any number of fraction digits up to nine, and either case of T and Z.
   */
  private static Arbitrary<String> rfc3339() {
    Arbitrary<Instant> instant =
        Arbitraries.longs()
            .between(
                Instant.parse("0000-01-02T00:00:00Z").getEpochSecond(),
                Instant.parse("9999-12-30T23:59:59Z").getEpochSecond())
            .map(Instant::ofEpochSecond);
    Arbitrary<Integer> nanos =
        Arbitraries.oneOf(
            Arbitraries.just(0),
            Arbitraries.integers().between(0, 999_999).map(micros -> micros * 1_000),
            Arbitraries.integers().between(0, 999_999_999));
    return Combinators.combine(instant, nanos, anyWriting())
        .as((at, nano, writing) -> writing.of(at.plusNanos(nano)));
  }
}

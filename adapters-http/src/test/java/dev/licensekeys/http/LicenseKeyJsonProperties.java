package dev.licensekeys.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensekeys.domain.fixtures.DomainArbitraries;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.Source;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The license key's hand-written JSON is byte for byte what Jackson writes for the same fields in
 * the same order, whatever text the key holds.
 */
class LicenseKeyJsonProperties {

  @Property(tries = 1_000)
  void aKeyIsWrittenAsJacksonWritesIt(
      @ForAll("keys") LicenseKey key, @ForAll("instants") Instant now) throws Exception {
    assertThat(Responses.licenseKey(key, now))
        .isEqualTo(Json.MAPPER.writeValueAsBytes(jackson(key, now)));
  }

  @Property(tries = 200)
  void aListIsWrittenAsJacksonWritesIt(
      @ForAll("keyLists") List<LicenseKey> keys, @ForAll("instants") Instant now) throws Exception {
    ObjectNode expected = Json.MAPPER.createObjectNode();
    ArrayNode items = expected.putArray("items");
    keys.forEach(key -> items.add(jackson(key, now)));

    assertThat(Responses.licenseKeys(keys, now)).isEqualTo(Json.MAPPER.writeValueAsBytes(expected));
  }

  @Example
  void textThatNeedsEscapesIsEscapedAsJacksonEscapesIt() throws Exception {
    LicenseKey key =
        key(
            "quote \" backslash \\ tab \t nul \u0000 unit \u001f del \u007f",
            Option.some("é ü € \u0800 \uffff"),
            Option.some("pair \ud83d\ude00 lone \udc00 \ud800"));

    assertThat(Responses.licenseKey(key, DomainArbitraries.NOW))
        .isEqualTo(Json.MAPPER.writeValueAsBytes(jackson(key, DomainArbitraries.NOW)));
    assertThat(new String(Responses.licenseKey(key, DomainArbitraries.NOW), "UTF-8"))
        .contains("\"quote \\\" backslash \\\\ tab \\t nul \\u0000 unit \\u001F del \u007f\"")
        .contains("\\uD83D\\uDE00 lone \\uDC00 \\uD800");
  }

  @Provide
  Arbitrary<LicenseKey> keys() {
    return Combinators.combine(
            DomainArbitraries.licenseKeys(),
            nonBlankText(),
            Arbitraries.of(Source.values()),
            optionalText(),
            optionalText())
        .as(LicenseKeyJsonProperties::with);
  }

  @Provide
  Arbitrary<List<LicenseKey>> keyLists() {
    return keys().list().ofMaxSize(4);
  }

  @Provide
  Arbitrary<Instant> instants() {
    return DomainArbitraries.instants();
  }

  /** Any text at all, with the characters JSON escapes made likely. */
  private static Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(20),
        Arbitraries.strings()
            .withChars(
                "\"\\/\b\t\n\f\r\u0000\u001f\u007f\u0080\u07ff\u0800\ud800\udbff\udc00\udfff")
            .withCharRange('a', 'c')
            .ofMaxLength(12));
  }

  private static Arbitrary<String> nonBlankText() {
    return text().filter(text -> !text.isBlank());
  }

  private static Arbitrary<Option<String>> optionalText() {
    return Arbitraries.oneOf(Arbitraries.just(Option.none()), text().map(Option::some));
  }

  private static LicenseKey with(
      LicenseKey key,
      String keyString,
      Source source,
      Option<String> payment,
      Option<String> subscription) {
    return new LicenseKey(
        key.id(),
        key.businessId(),
        key.brandId(),
        key.customerId(),
        key.productId(),
        keyString,
        source,
        key.activationsLimit(),
        key.instancesCount(),
        key.disabled(),
        key.expiresAt(),
        payment,
        subscription,
        key.createdAt(),
        key.version());
  }

  private static LicenseKey key(
      String keyString, Option<String> payment, Option<String> subscription) {
    LicenseKey base =
        dev.licensekeys.domain.fixtures.TestData.key("lic_" + "0".repeat(20) + "1").build();
    return with(base, keyString, Source.IMPORT, payment, subscription);
  }

  /** The oracle: the same fields in the same order, written by Jackson. */
  private static ObjectNode jackson(LicenseKey key, Instant now) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("business_id", key.businessId());
    json.put("created_at", DateTimes.format(key.createdAt()));
    json.put("customer_id", key.customerId());
    json.put("id", key.id());
    json.put("instances_count", key.instancesCount());
    json.put("key", key.key());
    json.put("product_id", key.productId());
    json.put("source", key.source().name().toLowerCase(Locale.ROOT));
    json.put("status", key.status(now).name().toLowerCase(Locale.ROOT));
    json.put("activations_limit", key.activationsLimit().getOrNull());
    json.put("expires_at", key.expiresAt().map(DateTimes::format).getOrNull());
    json.put("payment_id", key.paymentId().getOrNull());
    json.put("subscription_id", key.subscriptionId().getOrNull());
    return json;
  }
}

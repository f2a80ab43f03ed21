package dev.licensekeys.app;

import dev.licensekeys.domain.model.ApiKey;
import dev.licensekeys.domain.model.Customer;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.Product;
import dev.licensekeys.domain.model.Source;
import dev.licensekeys.persistence.JdbcAdapters;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;

/**
 * On the first start of an embedded database (or the next, if the first stopped half-way): a demo
 * business with one API key (printed once, stored as a hash), a product, a customer and three keys,
 * so the README's curl session works at once. A PostgreSQL database is never seeded.
 */
final class DemoSeed {

  static final String BUSINESS = "bus_demo";
  static final String BRAND = "brnd_demo";
  static final String CUSTOMER = "cus_demo";
  static final String PRODUCT = "pdt_demo";
  static final String ACTIVE_KEY_ID = "lic_demo00000000000000001";
  static final String UNLIMITED_KEY_ID = "lic_demo00000000000000002";
  static final String SUBSCRIPTION_KEY_ID = "lic_demo00000000000000003";

  private DemoSeed() {}

  /**
   * Seeds and returns the API key's secret, or none when the demo business has an API key already.
   * The customer, the product and the keys are written in one transaction, as an import, and the
   * API key after them: only the API key marks the seed done. A start cut short between the two
   * seeds again, and the import skips the keys it finds there, so the demo is never left without
   * its API key.
   */
  static Option<String> seedIfEmpty(JdbcAdapters adapters, Clock clock, PrintStream out) {
    if (!adapters.apiKeys().list(BUSINESS).isEmpty()) {
      return Option.none();
    }
    Instant now = clock.instant();
    return adapters
        .bulkImports()
        .importAll(
            BUSINESS,
            List.of(new Customer(CUSTOMER, BUSINESS, "Demo Customer", "demo@example.com")),
            List.of(new Product(PRODUCT, BUSINESS, BRAND, Option.some("Demo App"))),
            keys(now),
            now,
            handled -> {})
        .fold(
            taken -> {
              out.println(
                  "Skipped the demo seed: another business holds its key strings "
                      + taken.mkString(", ")
                      + ".");
              return Option.none();
            },
            imported -> Option.some(issueApiKey(adapters, now, out)));
  }

  /** The demo's API key, stored as a hash; its secret is printed once and returned. */
  private static String issueApiKey(JdbcAdapters adapters, Instant now, PrintStream out) {
    String secret = Secrets.newSecret();
    adapters
        .apiKeys()
        .add(
            ApiKey.issued(
                Secrets.newApiKeyId(),
                BUSINESS,
                Option.none(),
                "demo",
                ApiKey.hashSecret(secret),
                now));
    out.println("Seeded a demo business (" + BUSINESS + ") with three license keys.");
    out.println("Demo API key, shown this once and stored only as a hash: " + secret);
    return secret;
  }

  /** The three keys, one millisecond apart, so that lists order them the same way every time. */
  static Seq<LicenseKey> keys(Instant now) {
    return List.of(
        importedKey(ACTIVE_KEY_ID, "DEMO-ACTIVE-0001", Option.some(3), Option.none(), now),
        importedKey(
            UNLIMITED_KEY_ID,
            "DEMO-UNLIMITED-0002",
            Option.none(),
            Option.some(Instant.parse("2030-01-01T00:00:00Z")),
            now.plusMillis(1)),
        subscriptionKey(now.plusMillis(2)));
  }

  private static LicenseKey importedKey(
      String id,
      String keyString,
      Option<Integer> limit,
      Option<Instant> expiresAt,
      Instant createdAt) {
    return new LicenseKey(
        id,
        BUSINESS,
        BRAND,
        CUSTOMER,
        PRODUCT,
        keyString,
        Source.IMPORT,
        limit,
        0,
        false,
        expiresAt,
        Option.none(),
        Option.none(),
        createdAt,
        1);
  }

  /** A key as a subscription's payment would make it: its expiry follows the subscription. */
  private static LicenseKey subscriptionKey(Instant createdAt) {
    return new LicenseKey(
        SUBSCRIPTION_KEY_ID,
        BUSINESS,
        BRAND,
        CUSTOMER,
        PRODUCT,
        "DEMO-SUBSCRIPTION-0003",
        Source.AUTO,
        Option.some(1),
        0,
        false,
        Option.none(),
        Option.some("pay_demo"),
        Option.some("sub_demo"),
        createdAt,
        1);
  }
}

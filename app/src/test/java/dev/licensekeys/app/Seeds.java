package dev.licensekeys.app;

import dev.licensekeys.domain.model.ApiKey;
import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.Customer;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.Product;
import dev.licensekeys.domain.model.Source;
import dev.licensekeys.persistence.JdbcAdapters;
import io.vavr.control.Option;
import java.time.Instant;

/** A business with an API key, a customer, a product and keys, written straight to the store. */
final class Seeds {

  static final String BUSINESS = "bus_proc";
  static final String SECRET = "secret-process-tests";

  private Seeds() {}

  static void business(JdbcAdapters adapters) {
    if (adapters.apiKeys().findBySecretHash(ApiKey.hashSecret(SECRET)).isEmpty()) {
      adapters
          .apiKeys()
          .add(
              ApiKey.issued(
                  "key_proc",
                  BUSINESS,
                  Option.none(),
                  "process tests",
                  ApiKey.hashSecret(SECRET),
                  Instant.now()));
    }
    adapters.customers().put(new Customer("cus_proc", BUSINESS, "Proc", "proc@example.com"));
    adapters.products().put(new Product("pdt_proc", BUSINESS, "brnd_proc", Option.none()));
  }

  /** A new key with {@code limit} (null: unlimited); returns it. */
  static LicenseKey key(JdbcAdapters adapters, String keyString, Integer limit) {
    LicenseKey key =
        new LicenseKey(
            adapters.ids().newLicenseKeyId(),
            BUSINESS,
            "brnd_proc",
            "cus_proc",
            "pdt_proc",
            keyString,
            Source.IMPORT,
            Option.of(limit),
            0,
            false,
            Option.none(),
            Option.none(),
            Option.none(),
            Instant.now(),
            1);
    adapters.licenseKeys().add(key, AuditEvent.keyCreated(key, Instant.now(), Option.none()));
    return key;
  }
}

package dev.licensekeys.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.fixtures.TestData;
import dev.licensekeys.domain.model.ApiKey;
import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.AuditOperation;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.LicenseKeyFilter;
import dev.licensekeys.domain.model.PageRequest;
import dev.licensekeys.persistence.Database;
import dev.licensekeys.persistence.DatabaseSettings;
import dev.licensekeys.persistence.JdbcAdapters;
import io.vavr.control.Option;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DemoSeedTest {

  private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
  private Database database;
  private JdbcAdapters adapters;

  @BeforeEach
  void openAnEmptyDatabase() {
    Path file = Path.of("target", "h2", "seed-" + UUID.randomUUID()).toAbsolutePath();
    database = Database.open(new DatabaseSettings("jdbc:h2:file:" + file, "sa", "", 4));
    adapters = JdbcAdapters.over(database);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void anEmptyDatabaseGetsTheWholeDemoAndAnApiKeyForThePrintedSecret() {
    Option<String> secret = DemoSeed.seedIfEmpty(adapters, CLOCK, out);

    assertThat(secret.isDefined()).isTrue();
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains(secret.get());
    assertThat(adapters.apiKeys().findBySecretHash(ApiKey.hashSecret(secret.get())))
        .singleElement()
        .satisfies(apiKey -> assertThat(apiKey.businessId()).isEqualTo(DemoSeed.BUSINESS));
    assertThat(adapters.customers().findById(DemoSeed.BUSINESS, DemoSeed.CUSTOMER)).hasSize(1);
    assertThat(adapters.products().findById(DemoSeed.BUSINESS, DemoSeed.PRODUCT)).hasSize(1);
    assertThat(demoKeys())
        .containsExactlyInAnyOrderElementsOf(DemoSeed.keys(NOW).asJava())
        .allSatisfy(
            key ->
                assertThat(adapters.auditTrail().eventsOf(DemoSeed.BUSINESS, key.id()))
                    .map(AuditEvent::operation)
                    .containsExactly(AuditOperation.IMPORT));
  }

  @Test
  void aSeededDatabaseIsLeftAsItIs() {
    DemoSeed.seedIfEmpty(adapters, CLOCK, out);
    printed.reset();

    Option<String> again =
        DemoSeed.seedIfEmpty(adapters, Clock.offset(CLOCK, Duration.ofHours(1)), out);

    assertThat(again.isEmpty()).isTrue();
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(adapters.apiKeys().list(DemoSeed.BUSINESS)).hasSize(1);
    assertThat(demoKeys()).containsExactlyInAnyOrderElementsOf(DemoSeed.keys(NOW).asJava());
  }

  /**
   * What an earlier version left when its start was cut short after the transaction that wrote its
   * first key: its next start found that key and skipped the seed, leaving the demo business with
   * no API key.
   */
  @Test
  void aSeedCutShortBeforeItsApiKeyIsFinishedByTheNextStart() {
    Instant earlier = NOW.minusSeconds(60);
    LicenseKey firstKey = DemoSeed.keys(earlier).head();
    adapters.licenseKeys().add(firstKey, AuditEvent.keyCreated(firstKey, earlier, Option.none()));

    Option<String> secret = DemoSeed.seedIfEmpty(adapters, CLOCK, out);

    assertThat(secret.isDefined()).isTrue();
    assertThat(adapters.apiKeys().findBySecretHash(ApiKey.hashSecret(secret.get()))).hasSize(1);
    assertThat(adapters.customers().findById(DemoSeed.BUSINESS, DemoSeed.CUSTOMER)).hasSize(1);
    assertThat(demoKeys())
        .containsExactlyInAnyOrderElementsOf(DemoSeed.keys(NOW).tail().prepend(firstKey).asJava());
    assertThat(adapters.auditTrail().eventsOf(DemoSeed.BUSINESS, firstKey.id())).hasSize(1);
  }

  /** Another business holds a key string of the demo's: the start goes on, without the demo. */
  @Test
  void aDemoKeyStringHeldElsewhereSkipsTheSeedAndSaysWhy() {
    LicenseKey elsewhere =
        TestData.key("lic_other0000000000000001")
            .business("bus_other")
            .keyString(DemoSeed.keys(NOW).last().key())
            .build();
    adapters.licenseKeys().add(elsewhere, AuditEvent.keyCreated(elsewhere, NOW, Option.none()));

    Option<String> secret = DemoSeed.seedIfEmpty(adapters, CLOCK, out);

    assertThat(secret.isEmpty()).isTrue();
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "Skipped the demo seed: another business holds its key strings DEMO-SUBSCRIPTION-0003."
                + System.lineSeparator());
    assertThat(adapters.apiKeys().list(DemoSeed.BUSINESS)).isEmpty();
    assertThat(demoKeys()).isEmpty();
    assertThat(adapters.customers().findById(DemoSeed.BUSINESS, DemoSeed.CUSTOMER)).isEmpty();
  }

  private java.util.List<LicenseKey> demoKeys() {
    return adapters
        .licenseKeys()
        .list(DemoSeed.BUSINESS, LicenseKeyFilter.ALL, PageRequest.FIRST, NOW)
        .asJava();
  }
}

package dev.licensekeys.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.model.ApiKey;
import dev.licensekeys.domain.model.AuditOperation;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.LicenseKeyFilter;
import dev.licensekeys.domain.model.PageRequest;
import dev.licensekeys.persistence.Database;
import dev.licensekeys.persistence.JdbcAdapters;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator commands, run for real against a database. */
abstract class CliContract {

  @TempDir Path directory;

  protected final Map<String, String> environment = new HashMap<>();
  protected String business;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** DATABASE_URL and friends for an empty database. */
  protected abstract Map<String, String> database();

  @BeforeEach
  void environment() {
    environment.putAll(database());
    business = "bus_cli_" + UUID.randomUUID().toString().substring(0, 8);
  }

  int run(String... args) {
    out.reset();
    err.reset();
    return Cli.run(args, environment, new PrintStream(out, true), new PrintStream(err, true));
  }

  <T> T withAdapters(Function<JdbcAdapters, T> read) {
    Configuration configuration = Configuration.fromEnvironment(environment).get();
    try (Database database = Database.open(configuration.database())) {
      return read.apply(JdbcAdapters.over(database));
    }
  }

  Path file(String... lines) throws Exception {
    Path file = directory.resolve("import-" + UUID.randomUUID() + ".jsonl");
    Files.write(file, java.util.List.of(lines));
    return file;
  }

  @Test
  void anApiKeyIsCreatedListedAndRevokedAndItsSecretIsShownOnce() {
    assertThat(
            run("api-key", "create", "--business", business, "--brand", "brnd_1", "--name", "ci"))
        .isZero();
    String secret = out.toString().lines().reduce((first, last) -> last).orElseThrow();
    ApiKey stored =
        withAdapters(a -> a.apiKeys().findBySecretHash(ApiKey.hashSecret(secret)).get());
    assertThat(stored.businessId()).isEqualTo(business);
    assertThat(stored.brandId()).containsExactly("brnd_1");

    assertThat(run("api-key", "list", "--business", business)).isZero();
    assertThat(out.toString())
        .contains(stored.id())
        .contains("ci")
        .contains("never")
        .doesNotContain(secret);

    assertThat(run("api-key", "revoke", stored.id())).isZero();
    assertThat(
            this.<Boolean>withAdapters(
                a -> a.apiKeys().findBySecretHash(stored.secretHash()).get().isActive()))
        .isFalse();
    assertThat(run("api-key", "revoke", stored.id())).isEqualTo(1);
  }

  @Test
  void aFileImportsEverythingOnceAndTwiceChangesNothing() throws Exception {
    Path file =
        file(
            "{\"type\":\"customer\",\"customer_id\":\"cus_1\",\"name\":\"Ada\",\"email\":\"ada@example.com\"}",
            "{\"type\":\"product\",\"product_id\":\"pdt_1\",\"name\":\"App\",\"brand_id\":\"brnd_1\"}",
            "{\"type\":\"license_key\",\"key\":\""
                + business
                + "-1\",\"customer_id\":\"cus_1\",\"product_id\":\"pdt_1\",\"activations_limit\":3}",
            "",
            "{\"type\":\"license_key\",\"key\":\""
                + business
                + "-2\",\"customer_id\":\"cus_1\",\"product_id\":\"pdt_1\",\"instances_count\":0,\"source\":\"auto\",\"expires_at\":\"2030-01-01T00:00:00Z\"}");

    assertThat(run("import", file.toString(), "--business", business)).as(err.toString()).isZero();
    assertThat(out.toString()).contains("2 new license keys (0 already there)");
    LicenseKey first = withAdapters(a -> a.licenseKeys().findByKey(business + "-1").get());
    assertThat(first.brandId()).isEqualTo("brnd_1");
    assertThat(first.activationsLimit()).containsExactly(3);
    String source =
        withAdapters(a -> a.licenseKeys().findByKey(business + "-2").get().source().name());
    assertThat(source).isEqualTo("AUTO");

    assertThat(run("import", file.toString(), "--business", business)).isZero();
    assertThat(out.toString()).contains("0 new license keys (2 already there)");
    assertThat(
            this.<io.vavr.collection.Seq<AuditOperation>>withAdapters(
                a -> a.auditTrail().eventsOf(business, first.id()).map(e -> e.operation())))
        .containsExactly(AuditOperation.IMPORT);
  }

  /** A key line of this test's business, with {@code id} as its id. */
  String keyLine(String id, String keyString) {
    return "{\"type\":\"license_key\",\"id\":\""
        + id
        + "\",\"key\":\""
        + business
        + keyString
        + "\",\"customer_id\":\"cus_1\",\"product_id\":\"pdt_1\"}";
  }

  static final String CUSTOMER_AND_PRODUCT_LINES =
      "{\"type\":\"customer\",\"customer_id\":\"cus_1\",\"name\":\"A\",\"email\":\"a@x\"}\n"
          + "{\"type\":\"product\",\"product_id\":\"pdt_1\"}";

  static String newKeyId() {
    return "lic_" + UUID.randomUUID().toString().replace("-", "").substring(0, 21);
  }

  @Test
  void anIdRepeatedInTheFileOrTakenByAnotherKeyIsNamedWithItsLineAndImportsNothing()
      throws Exception {
    String id = newKeyId();
    Path repeated = file(CUSTOMER_AND_PRODUCT_LINES, keyLine(id, "-1"), keyLine(id, "-2"));

    assertThat(run("import", repeated.toString(), "--business", business)).isEqualTo(1);
    assertThat(err.toString())
        .contains("line 4: id repeats the id of line 3")
        .doesNotContain("import failed");

    Path first = file(CUSTOMER_AND_PRODUCT_LINES, keyLine(id, "-1"));
    assertThat(run("import", first.toString(), "--business", business)).isZero();
    Path taken = file(CUSTOMER_AND_PRODUCT_LINES, keyLine(newKeyId(), "-3"), keyLine(id, "-2"));

    assertThat(run("import", taken.toString(), "--business", business)).isEqualTo(1);
    assertThat(err.toString())
        .contains("line 4: id " + id + " is taken by another license key")
        .contains("nothing imported")
        .doesNotContain("import failed");
    assertThat(
            this.<Boolean>withAdapters(a -> a.licenseKeys().findByKey(business + "-3").isEmpty()))
        .isTrue();
    assertThat(run("import", first.toString(), "--business", business)).isZero();
    assertThat(out.toString()).contains("0 new license keys (1 already there)");
  }

  @Test
  void aCustomerOrProductRepeatedInTheFileIsNamedWithItsLineAndImportsNothing() throws Exception {
    Path file =
        file(
            CUSTOMER_AND_PRODUCT_LINES,
            "{\"type\":\"customer\",\"customer_id\":\"cus_1\",\"name\":\"B\",\"email\":\"b@x\"}",
            "{\"type\":\"product\",\"product_id\":\"pdt_1\",\"name\":\"Other\"}",
            keyLine(newKeyId(), "-1"));

    assertThat(run("import", file.toString(), "--business", business)).isEqualTo(1);

    assertThat(err.toString())
        .contains("line 3: customer_id repeats the customer of line 1")
        .contains("line 4: product_id repeats the product of line 2")
        .contains("nothing imported");
    assertThat(this.<Boolean>withAdapters(a -> a.customers().findById(business, "cus_1").isEmpty()))
        .isTrue();
  }

  @Test
  void aLineThatIsNotUtf8IsNamedAndTheLinesAfterItAreStillRead() throws Exception {
    Path file = directory.resolve("import-" + UUID.randomUUID() + ".jsonl");
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    bytes.writeBytes((CUSTOMER_AND_PRODUCT_LINES + "\n").getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(
        keyLine(newKeyId(), "-1").replace("-1", "-\u00e9").getBytes(StandardCharsets.ISO_8859_1));
    bytes.writeBytes(
        "\r\n{\"type\":\"product\",\"product_id\":\"pdt_2\",\"bogus\":1}\n"
            .getBytes(StandardCharsets.UTF_8));
    Files.write(file, bytes.toByteArray());

    assertThat(run("import", file.toString(), "--business", business)).isEqualTo(1);

    assertThat(err.toString())
        .contains("line 3: not UTF-8 text")
        .contains("line 4: bogus is not a known field")
        .contains("nothing imported");
  }

  @Test
  void aByteOrderMarkBeforeTheFirstLineIsIgnored() throws Exception {
    Path file = file("\uFEFF" + CUSTOMER_AND_PRODUCT_LINES, keyLine(newKeyId(), "-1"));

    assertThat(run("import", file.toString(), "--business", business)).as(err.toString()).isZero();
    assertThat(
            this.<Boolean>withAdapters(a -> a.licenseKeys().findByKey(business + "-1").isDefined()))
        .isTrue();
  }

  @Test
  void aLargeImportReportsItsProgressOnceForEachTenThousandKeys() throws Exception {
    java.util.List<String> lines = new java.util.ArrayList<>();
    lines.add(
        "{\"type\":\"customer\",\"customer_id\":\"cus_1\",\"name\":\"Ada\",\"email\":\"ada@example.com\"}");
    lines.add("{\"type\":\"product\",\"product_id\":\"pdt_1\"}");
    for (int i = 0; i < 20_000; i++) {
      lines.add(
          "{\"type\":\"license_key\",\"key\":\""
              + business
              + "-"
              + i
              + "\",\"customer_id\":\"cus_1\",\"product_id\":\"pdt_1\"}");
    }

    assertThat(run("import", file(lines.toArray(String[]::new)).toString(), "--business", business))
        .as(err.toString())
        .isZero();

    assertThat(err.toString().lines().filter(line -> line.contains(" keys")))
        .containsExactly(
            "license-keys: handled 10000 of 20000 keys",
            "license-keys: handled 20000 of 20000 keys");
  }

  @Test
  void aBadLineInTheMiddleImportsNothingAndEveryBadLineIsNamed() throws Exception {
    Path file =
        file(
            "{\"type\":\"customer\",\"customer_id\":\"cus_1\",\"name\":\"Ada\",\"email\":\"a@x\"}",
            "{\"type\":\"product\",\"product_id\":\"pdt_1\"}",
            "{\"type\":\"license_key\",\"key\":\""
                + business
                + "-ok\",\"customer_id\":\"cus_1\",\"product_id\":\"pdt_1\"}",
            "{\"type\":\"license_key\",\"key\":\""
                + business
                + "-bad\",\"customer_id\":\"cus_1\",\"product_id\":\"pdt_1\",\"activations_limit\":\"5\"}",
            "not json",
            "{\"type\":\"license_key\",\"key\":\""
                + business
                + "-x\",\"customer_id\":\"cus_nobody\",\"product_id\":\"pdt_1\",\"instances_count\":2}",
            "{\"type\":\"license_key\",\"key\":\""
                + business
                + "-far\",\"customer_id\":\"cus_1\",\"product_id\":\"pdt_1\",\"expires_at\":\"+999999999-12-31T23:59:59Z\"}",
            "{\"type\":\"product\",\"product_id\":\"pdt_2\",\"name\":\"a\\ud800b\"}",
            "{\"type\":\"license_key\",\"key\":\""
                + business
                + "-leap\",\"customer_id\":\"cus_1\",\"product_id\":\"pdt_1\",\"expires_at\":\"2016-12-31T23:59:60Z\"}",
            "{\"type\":\"license_key\",\"key\":\""
                + business
                + "-last\",\"customer_id\":\"cus_1\",\"product_id\":\"pdt_1\"}");

    assertThat(run("import", file.toString(), "--business", business)).isEqualTo(1);

    assertThat(err.toString())
        .contains("line 4: activations_limit")
        .contains("line 5: not a JSON object")
        .contains("line 6: instances_count must be 0")
        .contains("line 7: expires_at must be an RFC 3339 date-time")
        .contains("line 8: name must not contain an unpaired surrogate")
        .contains("line 9: expires_at must not be a leap second (:60)")
        .contains("nothing imported");
    assertThat(
            this.<io.vavr.control.Option<LicenseKey>>withAdapters(
                a -> a.licenseKeys().findByKey(business + "-ok")))
        .isEmpty();
    assertThat(
            this.<io.vavr.control.Option<dev.licensekeys.domain.model.Customer>>withAdapters(
                a -> a.customers().findById(business, "cus_1")))
        .isEmpty();
    assertThat(
            this.<io.vavr.collection.Seq<LicenseKey>>withAdapters(
                a ->
                    a.licenseKeys()
                        .list(
                            business, LicenseKeyFilter.ALL, new PageRequest(10, 0), Instant.now())))
        .isEmpty();
  }

  @Test
  void aKeyKeepsItsCreationTimeButOneCreatedInTheFutureIsNamedWithItsLine() throws Exception {
    String customer =
        "{\"type\":\"customer\",\"customer_id\":\"cus_1\",\"name\":\"Ada\",\"email\":\"a@x\"}";
    String product = "{\"type\":\"product\",\"product_id\":\"pdt_1\"}";
    String past = keyCreatedAt("-past", "2020-01-01T00:00:00Z");
    String future = keyCreatedAt("-future", "2999-01-01T00:00:00Z");

    assertThat(
            run("import", file(customer, product, past, future).toString(), "--business", business))
        .isEqualTo(1);
    assertThat(err.toString())
        .contains("line 4: created_at must not be in the future (this import's clock read ")
        .doesNotContain("line 3:")
        .contains("nothing imported");
    assertThat(
            this.<io.vavr.control.Option<LicenseKey>>withAdapters(
                a -> a.licenseKeys().findByKey(business + "-past")))
        .isEmpty();

    assertThat(run("import", file(customer, product, past).toString(), "--business", business))
        .isEqualTo(0);
    assertThat(
            this.<io.vavr.control.Option<Instant>>withAdapters(
                a -> a.licenseKeys().findByKey(business + "-past").map(LicenseKey::createdAt)))
        .isEqualTo(io.vavr.control.Option.some(Instant.parse("2020-01-01T00:00:00Z")));
  }

  /** An import file's line for a key of this test's business, customer and product. */
  private String keyCreatedAt(String keySuffix, String createdAt) {
    return "{\"type\":\"license_key\",\"key\":\""
        + business
        + keySuffix
        + "\",\"customer_id\":\"cus_1\",\"product_id\":\"pdt_1\",\"created_at\":\""
        + createdAt
        + "\"}";
  }

  @Test
  void anIdLongerThanItsColumnIsNamedWithItsLineAndImportsNothing() throws Exception {
    String tooLong = "i".repeat(65);
    Path file =
        file(
            "{\"type\":\"customer\",\"customer_id\":\""
                + tooLong
                + "\",\"name\":\"A\",\"email\":\"a@x\"}",
            "{\"type\":\"customer\",\"customer_id\":\"cus_1\",\"name\":\"A\",\"email\":\"a@x\"}",
            "{\"type\":\"product\",\"product_id\":\"pdt_1\",\"brand_id\":\"" + tooLong + "\"}",
            "{\"type\":\"product\",\"product_id\":\"pdt_2\"}",
            "{\"type\":\"license_key\",\"key\":\""
                + business
                + "-1\",\"customer_id\":\"cus_1\",\"product_id\":\"pdt_2\",\"payment_id\":\""
                + tooLong
                + "\",\"subscription_id\":\""
                + tooLong
                + "\"}");

    assertThat(run("import", file.toString(), "--business", business)).isEqualTo(1);

    assertThat(err.toString())
        .contains("line 1: customer_id must be a non-blank string of at most 64 characters")
        .contains("line 3: brand_id must be a non-blank string of at most 64 characters")
        .contains("line 5: payment_id must be a non-blank string of at most 64 characters")
        .contains("line 5: subscription_id must be a non-blank string of at most 64 characters")
        .contains("nothing imported")
        .doesNotContain("import failed");
    assertThat(this.<Boolean>withAdapters(a -> a.customers().findById(business, "cus_1").isEmpty()))
        .isTrue();
  }

  @Test
  void aReferenceToANonexistentCustomerIsNamedWithItsLine() throws Exception {
    Path file =
        file(
            "{\"type\":\"product\",\"product_id\":\"pdt_1\"}",
            "{\"type\":\"license_key\",\"key\":\""
                + business
                + "-1\",\"customer_id\":\"cus_ghost\",\"product_id\":\"pdt_1\"}");

    assertThat(run("import", file.toString(), "--business", business)).isEqualTo(1);
    assertThat(err.toString())
        .contains("line 2: customer_id cus_ghost is neither in the file nor in business");
  }

  @Test
  void aBlankOrTooLongOptionEndsInOneLineAndChangesNothing() throws Exception {
    Path file = file("{\"type\":\"customer\",\"customer_id\":\"cus_1\",\"name\":\"Ada\"}");

    assertThat(run("api-key", "create", "--business", business, "--name", "n".repeat(256)))
        .isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo("license-keys: --name must be 1 to 255 characters, not blank\n");
    assertThat(run("api-key", "create", "--business", business, "--brand", " ")).isEqualTo(1);
    assertThat(err.toString()).contains("--brand must be 1 to 64 characters, not blank");
    assertThat(run("api-key", "create", "--business", "b".repeat(65))).isEqualTo(1);
    assertThat(err.toString()).contains("--business must be 1 to 64 characters, not blank");
    assertThat(run("import", file.toString(), "--business", "b".repeat(65))).isEqualTo(1);
    assertThat(err.toString()).contains("--business must be 1 to 64 characters, not blank");

    assertThat(this.<Boolean>withAdapters(a -> a.apiKeys().list(business).isEmpty())).isTrue();
    assertThat(
            this.<Boolean>withAdapters(
                a -> a.customers().findById("b".repeat(65), "cus_1").isEmpty()))
        .isTrue();
  }

  @Test
  void usageErrorsExitWith2AndHelpWith0() {
    assertThat(run("api-key", "create")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--business");
    assertThat(run("import", "x.jsonl", "--business", "b", "--bogus")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option: '--bogus'").contains("Usage:");
    assertThat(run("import", "--help")).isZero();
    assertThat(out.toString()).contains("Usage:").contains("--business");
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("api-key").contains("import").contains("serve");
  }

  @Test
  void aWrongDatabaseEndsInOneLineAndExitCode1() {
    environment.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/nowhere");

    assertThat(run("api-key", "list", "--business", business)).isEqualTo(1);
    assertThat(err.toString().lines().count()).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("license-keys api-key list failed:")
        .contains("DATABASE_URL (jdbc:postgresql://127.0.0.1:1/nowhere)")
        .doesNotContain("\tat ");
  }

  @Test
  void aWrongPortEndsInOneLineAndExitCode1() {
    environment.put("PORT", "eighty");

    assertThat(run()).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "license-keys: PORT must be a number from 0 to 65535 (0 picks a free port), got 'eighty'"
                + System.lineSeparator());
  }

  @Test
  void aWrongIdleTimeoutEndsInOneLineAndExitCode1() {
    environment.put("IDLE_CONNECTION_TIMEOUT_SECONDS", "0");

    assertThat(run()).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "license-keys: IDLE_CONNECTION_TIMEOUT_SECONDS must be a whole number of seconds from 1"
                + " to 86400, got '0'"
                + System.lineSeparator());
  }

  @Test
  void aWrongLogLevelEndsInOneLineAndExitCode1() {
    environment.put("LOG_LEVEL", "verbose");

    assertThat(run("api-key", "list", "--business", business)).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "license-keys: LOG_LEVEL must be debug or info (the default), got 'verbose'"
                + System.lineSeparator());
  }
}

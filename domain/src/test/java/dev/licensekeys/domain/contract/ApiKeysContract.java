package dev.licensekeys.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.licensekeys.domain.fixtures.TestData;
import dev.licensekeys.domain.model.ApiKey;
import dev.licensekeys.domain.port.out.ApiKeys;
import io.vavr.control.Option;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@code ApiKeys} adapter must do. */
public abstract class ApiKeysContract {

  private static final Instant CREATED = Instant.parse("2026-03-04T05:06:07.123456Z");

  private ApiKeys apiKeys;

  /** An empty store of API keys, for one test. */
  protected abstract ApiKeys newApiKeys();

  @BeforeEach
  void freshStore() {
    apiKeys = newApiKeys();
  }

  private static ApiKey apiKey(String id, String businessId, char hashDigit) {
    return ApiKey.issued(
        id,
        businessId,
        Option.none(),
        "label " + id,
        String.valueOf(hashDigit).repeat(64),
        CREATED);
  }

  @Test
  void aKeyIsFoundByTheHashOfItsSecret() {
    ApiKey key = apiKey("key_1", TestData.BUSINESS, 'a');
    apiKeys.add(key);

    assertThat(apiKeys.findBySecretHash("a".repeat(64))).containsExactly(key);
    assertThat(apiKeys.findBySecretHash("b".repeat(64))).isEmpty();
  }

  @Test
  void aBusinessListsItsOwnKeysOldestFirst() {
    ApiKey first = apiKey("key_1", TestData.BUSINESS, 'a');
    ApiKey second =
        ApiKey.issued(
            "key_2",
            TestData.BUSINESS,
            Option.none(),
            "second",
            "b".repeat(64),
            CREATED.plusSeconds(1));
    apiKeys.add(second);
    apiKeys.add(first);
    apiKeys.add(apiKey("key_3", TestData.OTHER_BUSINESS, 'c'));

    assertThat(apiKeys.list(TestData.BUSINESS)).containsExactly(first, second);
  }

  @Test
  void aRevokedKeyIsStillFoundButNoLongerActive() {
    apiKeys.add(apiKey("key_1", TestData.BUSINESS, 'a'));
    Instant at = CREATED.plusSeconds(60);

    assertThat(apiKeys.revoke("key_1", at).map(ApiKey::revokedAt)).containsExactly(Option.some(at));
    assertThat(apiKeys.findBySecretHash("a".repeat(64)).map(ApiKey::isActive))
        .containsExactly(false);
    assertThat(apiKeys.revoke("key_1", at.plusSeconds(1))).isEmpty();
    assertThat(apiKeys.revoke("key_unknown", at)).isEmpty();
  }

  @Test
  void aKeyKeepsItsBrandAndWhenItWasLastUsed() {
    ApiKey branded =
        ApiKey.issued(
            "key_b", TestData.BUSINESS, Option.some("brnd_1"), "branded", "d".repeat(64), CREATED);
    apiKeys.add(branded);
    Instant used = CREATED.plusSeconds(30);

    apiKeys.recordUse("key_b", used);

    ApiKey stored = apiKeys.findBySecretHash("d".repeat(64)).get();
    assertThat(stored.brandId()).containsExactly("brnd_1");
    assertThat(stored.lastUsedAt()).containsExactly(used);
    assertThat(stored.createdAt()).isEqualTo(CREATED);
  }

  @Test
  void instantsFinerThanAMicrosecondAreKeptTruncatedAsTheDomainKeepsThem() {
    apiKeys.add(apiKey("key_1", TestData.BUSINESS, 'a'));
    Instant used = CREATED.plusSeconds(30).plusNanos(999);
    Instant revoked = CREATED.plusSeconds(60).plusNanos(600);

    apiKeys.recordUse("key_1", used);
    apiKeys.revoke("key_1", revoked);

    ApiKey stored = apiKeys.findBySecretHash("a".repeat(64)).get();
    assertThat(stored.lastUsedAt()).containsExactly(CREATED.plusSeconds(30));
    assertThat(stored.revokedAt()).containsExactly(CREATED.plusSeconds(60));
  }

  @Test
  void aSecretHashIsNeverStoredTwice() {
    apiKeys.add(apiKey("key_1", TestData.BUSINESS, 'a'));

    assertThatThrownBy(() -> apiKeys.add(apiKey("key_2", TestData.OTHER_BUSINESS, 'a')))
        .isInstanceOf(RuntimeException.class);
    assertThat(apiKeys.list(TestData.OTHER_BUSINESS)).isEmpty();
  }
}

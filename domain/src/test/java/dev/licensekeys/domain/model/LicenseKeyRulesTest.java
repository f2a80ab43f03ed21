package dev.licensekeys.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.licensekeys.domain.fixtures.TestData;
import dev.licensekeys.domain.patch.Change;
import dev.licensekeys.domain.patch.LicenseKeyPatch;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** One worked example per rule of SPEC sections 2 to 4, named after the rule. */
class LicenseKeyRulesTest {

  private static final String ID = "lic_000000000000000000001";
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  private static LicenseKeyPatch limit(int value) {
    return LicenseKeyPatch.KEEP_ALL.withActivationsLimit(Change.set(value));
  }

  private static LicenseKeyPatch expiry(Instant value) {
    return LicenseKeyPatch.KEEP_ALL.withExpiresAt(Change.set(value));
  }

  @Test
  void aLimitBelowTheInstancesCountIsRefused() {
    LicenseKey key = TestData.key(ID).limit(5).instancesCount(3).build();

    assertThat(key.apply(limit(2)).getLeft())
        .isEqualTo(
            new LicenseKeyError.PatchRejected(
                ID, List.of(new PatchViolation.ActivationLimitBelowInstancesCount(2, 3))));
  }

  @Test
  void aLimitEqualToTheInstancesCountIsAccepted() {
    LicenseKey key = TestData.key(ID).limit(5).instancesCount(3).build();

    assertThat(key.apply(limit(3)).map(LicenseKey::activationsLimit))
        .isEqualTo(Either.right(Option.some(3)));
  }

  @Test
  void aNegativeLimitIsRefused() {
    LicenseKey key = TestData.key(ID).build();

    assertThat(key.apply(limit(-1)).getLeft())
        .isEqualTo(
            new LicenseKeyError.PatchRejected(
                ID, List.of(new PatchViolation.ActivationLimitNegative(-1))));
  }

  @Test
  void clearingTheLimitMakesTheKeyUnlimited() {
    LicenseKey key = TestData.key(ID).limit(1).instancesCount(1).build();

    LicenseKey unlimited =
        key.apply(LicenseKeyPatch.KEEP_ALL.withActivationsLimit(Change.clear())).get();

    assertThat(unlimited.activationsLimit()).isEmpty();
    assertThat(unlimited.hasFreeSeat()).isTrue();
  }

  @Test
  void anExpiryCannotBeSetOnASubscriptionKey() {
    LicenseKey key = TestData.key(ID).subscription("sub_1").build();

    assertThat(key.apply(expiry(NOW)).getLeft())
        .isEqualTo(
            new LicenseKeyError.PatchRejected(
                ID, List.of(new PatchViolation.ExpiryOnSubscriptionKey())));
  }

  @Test
  void anExpiryCanBeClearedOnASubscriptionKey() {
    LicenseKey key = TestData.key(ID).subscription("sub_1").expiresAt(NOW).build();

    assertThat(
            key.apply(LicenseKeyPatch.KEEP_ALL.withExpiresAt(Change.clear()))
                .map(LicenseKey::expiresAt))
        .isEqualTo(Either.right(Option.none()));
  }

  @Test
  void aRefusedPatchNamesEveryBrokenRuleAndChangesNothing() {
    LicenseKey key = TestData.key(ID).limit(5).instancesCount(4).subscription("sub_1").build();
    LicenseKeyPatch patch = new LicenseKeyPatch(Change.set(1), Change.set(true), Change.set(NOW));

    LicenseKeyError error = key.apply(patch).getLeft();

    assertThat(error)
        .isEqualTo(
            new LicenseKeyError.PatchRejected(
                ID,
                List.of(
                    new PatchViolation.ActivationLimitBelowInstancesCount(1, 4),
                    new PatchViolation.ExpiryOnSubscriptionKey())));
    assertThat(error.message()).contains("activations_limit 1").contains("expires_at");
    assertThat(key.disabled()).isFalse();
  }

  @Test
  void anEmptyPatchReturnsTheKeyAsItIs() {
    LicenseKey key = TestData.key(ID).limit(2).expiresAt(NOW).build();

    assertThat(LicenseKeyPatch.KEEP_ALL.keepsEverything()).isTrue();
    assertThat(LicenseKeyPatch.KEEP_ALL.withDisabled(Change.set(false)).keepsEverything())
        .isFalse();
    assertThat(LicenseKeyPatch.KEEP_ALL.withExpiresAt(Change.clear()).keepsEverything()).isFalse();
    assertThat(key.apply(LicenseKeyPatch.KEEP_ALL)).isEqualTo(Either.right(key));
  }

  @Test
  void anExpiryInThePastIsAcceptedAndTheKeyIsExpiredAtOnce() {
    LicenseKey key = TestData.key(ID).build();

    LicenseKey expired = key.apply(expiry(NOW.minusSeconds(60))).get();

    assertThat(expired.status(NOW)).isEqualTo(LicenseKeyStatus.EXPIRED);
  }

  @Test
  void aKeyExpiresAtTheVeryInstantOfItsExpiry() {
    LicenseKey key = TestData.key(ID).expiresAt(NOW).build();

    assertThat(key.status(NOW.minusNanos(1000))).isEqualTo(LicenseKeyStatus.ACTIVE);
    assertThat(key.status(NOW)).isEqualTo(LicenseKeyStatus.EXPIRED);
  }

  @Test
  void disabledWinsOverExpired() {
    LicenseKey key = TestData.key(ID).disabled(true).expiresAt(NOW.minusSeconds(1)).build();

    assertThat(key.status(NOW)).isEqualTo(LicenseKeyStatus.DISABLED);
  }

  @Test
  void enablingAnExpiredKeyLeavesItExpired() {
    LicenseKey key = TestData.key(ID).disabled(true).expiresAt(NOW.minusSeconds(1)).build();

    LicenseKey enabled = key.apply(LicenseKeyPatch.KEEP_ALL.withDisabled(Change.set(false))).get();

    assertThat(enabled.status(NOW)).isEqualTo(LicenseKeyStatus.EXPIRED);
  }

  @Test
  void expiriesAreKeptAtMicrosecondPrecision() {
    LicenseKey key = TestData.key(ID).build();

    LicenseKey patched = key.apply(expiry(Instant.parse("2030-01-01T00:00:00.123456789Z"))).get();

    assertThat(patched.expiresAt()).containsExactly(Instant.parse("2030-01-01T00:00:00.123456Z"));
  }

  @Test
  void disabledCannotBeCleared() {
    assertThatThrownBy(() -> LicenseKeyPatch.KEEP_ALL.withDisabled(Change.clear()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void setNeedsAValueClearIsSpelledClear() {
    assertThatThrownBy(() -> Change.set(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aDisabledKeyCannotBeActivated() {
    LicenseKey key = TestData.key(ID).disabled(true).build();

    assertThat(key.takeSeat(NOW).getLeft())
        .isEqualTo(new LicenseKeyError.InactiveLicenseKey(ID, LicenseKeyStatus.DISABLED));
  }

  @Test
  void anExpiredKeyCannotBeActivated() {
    LicenseKey key = TestData.key(ID).expiresAt(NOW).build();

    assertThat(key.takeSeat(NOW).getLeft())
        .isEqualTo(new LicenseKeyError.InactiveLicenseKey(ID, LicenseKeyStatus.EXPIRED));
  }

  @Test
  void aKeyWithEverySeatTakenCannotBeActivated() {
    LicenseKey key = TestData.key(ID).limit(2).instancesCount(2).build();

    assertThat(key.takeSeat(NOW).getLeft()).isEqualTo(new LicenseKeyError.LimitReached(ID, 2));
  }

  @Test
  void aKeyWithLimitZeroCannotBeActivated() {
    LicenseKey key = TestData.key(ID).limit(0).build();

    assertThat(key.takeSeat(NOW).getLeft()).isEqualTo(new LicenseKeyError.LimitReached(ID, 0));
  }

  @Test
  void aKeyCannotHoldMoreInstancesThanItsLimit() {
    assertThatThrownBy(() -> TestData.key(ID).limit(1).instancesCount(2).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ids() {
    assertThat(Ids.isLicenseKeyId(ID)).isTrue();
    assertThat(Ids.isLicenseKeyId("lic_123")).isFalse();
    assertThat(Ids.isLicenseKeyId("lki_000000000000000000001")).isFalse();
    assertThat(Ids.isInstanceId("lki_000000000000000000001")).isTrue();
    assertThat(Ids.isInstanceId("lki_00000000000000000000!")).isFalse();
    assertThat(Ids.isInstanceId(null)).isFalse();
  }

  @Test
  void theKeyStringNeverAppearsInToStringOrMessages() {
    LicenseKey key = TestData.key(ID).keyString("SECRET-123").build();

    assertThat(key.toString()).doesNotContain("SECRET-123").contains(ID);
    assertThat(LicenseKeyError.NotFound.licenseKeyByKey().message())
        .isEqualTo("license key not found");
    assertThat(new LicenseKeyError.LicenseKeyAlreadyExists().message()).doesNotContain("SECRET");
  }

  @Test
  void everyViolationNamesItsField() {
    assertThat(new PatchViolation.ActivationLimitNegative(-1).field())
        .isEqualTo("activations_limit");
    assertThat(new PatchViolation.ActivationLimitBelowInstancesCount(1, 2).field())
        .isEqualTo("activations_limit");
    assertThat(new PatchViolation.ExpiryOnSubscriptionKey().field()).isEqualTo("expires_at");
    assertThat(new PatchViolation.ActivationLimitNegative(-1).message())
        .isEqualTo("activations_limit must be 0 or more, got -1");
  }

  @Test
  void invalidInputSaysWhichFieldAndWhy() {
    assertThat(
            new LicenseKeyError.InvalidInput(
                    List.of(
                        new FieldProblem("name", "must not be blank"),
                        new FieldProblem("key", "must be at most 255 characters")))
                .message())
        .isEqualTo("name: must not be blank; key: must be at most 255 characters");
  }

  @Test
  void pageRequestsNameEveryParameterOutOfRange() {
    assertThat(PageRequest.of(100, 0).get()).isEqualTo(new PageRequest(100, 0));
    assertThat(PageRequest.of(101, -1).getError())
        .containsExactly(
            new FieldProblem("page_size", "must be 0 to 100"),
            new FieldProblem("page_number", "must be 0 or more"));
    assertThat(PageRequest.of(0, 0).get()).isEqualTo(new PageRequest(0, 0));
    assertThat(new PageRequest(100, Integer.MAX_VALUE).offset())
        .isEqualTo(100L * Integer.MAX_VALUE);
  }
}

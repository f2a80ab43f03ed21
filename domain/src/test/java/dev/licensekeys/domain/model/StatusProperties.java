package dev.licensekeys.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.fixtures.DomainArbitraries;
import dev.licensekeys.domain.patch.Change;
import dev.licensekeys.domain.patch.LicenseKeyPatch;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Status is derived from {@code disabled}, {@code expires_at} and a moment, as SPEC section 2. */
class StatusProperties {

  @Property
  void aDisabledKeyIsDisabledWhateverItsExpiry(
      @ForAll("instantsOrNone") Instant expiresAt, @ForAll("instants") Instant now) {
    assertThat(LicenseKeyStatus.of(true, Option.of(expiresAt), now))
        .isEqualTo(LicenseKeyStatus.DISABLED);
  }

  @Property
  void anEnabledKeyIsExpiredFromItsExpiryOnAndActiveBefore(
      @ForAll("instants") Instant expiresAt, @ForAll("instants") Instant now) {
    LicenseKeyStatus status = LicenseKeyStatus.of(false, Option.some(expiresAt), now);

    assertThat(status)
        .isEqualTo(now.isBefore(expiresAt) ? LicenseKeyStatus.ACTIVE : LicenseKeyStatus.EXPIRED);
  }

  @Property
  void theExpiryInstantItselfIsExpiredAndAMicrosecondBeforeIsActive(
      @ForAll("instants") Instant expiresAt) {
    Instant expiry = Timestamps.micros(expiresAt);

    assertThat(LicenseKeyStatus.of(false, Option.some(expiry), expiry))
        .isEqualTo(LicenseKeyStatus.EXPIRED);
    assertThat(LicenseKeyStatus.of(false, Option.some(expiry), expiry.minus(1, ChronoUnit.MICROS)))
        .isEqualTo(LicenseKeyStatus.ACTIVE);
  }

  @Property
  void aKeyThatNeverExpiresIsActiveUnlessDisabled(@ForAll("instants") Instant now) {
    assertThat(LicenseKeyStatus.of(false, Option.none(), now)).isEqualTo(LicenseKeyStatus.ACTIVE);
  }

  @Property
  void enablingAnExpiredKeyLeavesItExpired(@ForAll("keys") LicenseKey key) {
    Instant now = DomainArbitraries.NOW;
    LicenseKeyPatch enable = LicenseKeyPatch.KEEP_ALL.withDisabled(Change.set(false));

    key.apply(enable)
        .peek(
            enabled ->
                assertThat(enabled.status(now))
                    .isEqualTo(
                        key.expiresAt().exists(expiry -> !now.isBefore(expiry))
                            ? LicenseKeyStatus.EXPIRED
                            : LicenseKeyStatus.ACTIVE));
  }

  @Provide
  Arbitrary<Instant> instants() {
    return DomainArbitraries.instants();
  }

  @Provide
  Arbitrary<Instant> instantsOrNone() {
    return DomainArbitraries.instants().injectNull(0.3);
  }

  @Provide
  Arbitrary<LicenseKey> keys() {
    return DomainArbitraries.licenseKeys();
  }
}

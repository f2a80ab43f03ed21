package dev.licensekeys.domain.model;

import io.vavr.control.Option;
import java.time.Instant;

/** The status of a license key, derived from its fields and a moment; never stored. */
public enum LicenseKeyStatus {
  ACTIVE,
  EXPIRED,
  DISABLED;

  /** Disabled wins over expired; a key expires at the very instant of {@code expiresAt}. */
  public static LicenseKeyStatus of(boolean disabled, Option<Instant> expiresAt, Instant now) {
    if (disabled) {
      return DISABLED;
    }
    return expiresAt.exists(expiry -> !now.isBefore(expiry)) ? EXPIRED : ACTIVE;
  }
}

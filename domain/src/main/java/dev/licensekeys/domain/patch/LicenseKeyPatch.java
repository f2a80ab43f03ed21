package dev.licensekeys.domain.patch;

import java.time.Instant;
import java.util.Objects;

/**
 * A change to the patchable fields of a license key, one {@link Change} per field.
 *
 * <p>{@code disabled} is a plain boolean: it can be kept or set, never cleared (the wire's {@code
 * null} means Keep for it).
 */
public record LicenseKeyPatch(
    Change<Integer> activationsLimit, Change<Boolean> disabled, Change<Instant> expiresAt) {

  public static final LicenseKeyPatch KEEP_ALL =
      new LicenseKeyPatch(Change.keep(), Change.keep(), Change.keep());

  public LicenseKeyPatch {
    Objects.requireNonNull(activationsLimit, "activationsLimit");
    Objects.requireNonNull(disabled, "disabled");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (disabled instanceof Change.Clear<Boolean>) {
      throw new IllegalArgumentException("disabled cannot be cleared: keep it or set it");
    }
  }

  public LicenseKeyPatch withActivationsLimit(Change<Integer> change) {
    return new LicenseKeyPatch(change, disabled, expiresAt);
  }

  public LicenseKeyPatch withDisabled(Change<Boolean> change) {
    return new LicenseKeyPatch(activationsLimit, change, expiresAt);
  }

  public LicenseKeyPatch withExpiresAt(Change<Instant> change) {
    return new LicenseKeyPatch(activationsLimit, disabled, change);
  }

  /** This patch followed by {@code later}: per field, the later change wins unless it keeps. */
  public LicenseKeyPatch then(LicenseKeyPatch later) {
    return new LicenseKeyPatch(
        activationsLimit.then(later.activationsLimit),
        disabled.then(later.disabled),
        expiresAt.then(later.expiresAt));
  }

  /** True for {@code {}}: a patch that keeps every field changes nothing and writes nothing. */
  public boolean keepsEverything() {
    return activationsLimit.isKeep() && disabled.isKeep() && expiresAt.isKeep();
  }
}

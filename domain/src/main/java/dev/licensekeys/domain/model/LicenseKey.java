package dev.licensekeys.domain.model;

import static dev.licensekeys.domain.model.Ids.requireText;

import dev.licensekeys.domain.patch.Change;
import dev.licensekeys.domain.patch.LicenseKeyPatch;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Instant;
import java.util.Objects;

/**
 * A license key: the secret string a customer types, and how many machines may use it until when.
 *
 * <p>{@code version} counts the stored changes of the key; the store uses it to detect concurrent
 * writers. Instants are kept at microsecond precision.
 */
public record LicenseKey(
    String id,
    String businessId,
    String brandId,
    String customerId,
    String productId,
    String key,
    Source source,
    Option<Integer> activationsLimit,
    int instancesCount,
    boolean disabled,
    Option<Instant> expiresAt,
    Option<String> paymentId,
    Option<String> subscriptionId,
    Instant createdAt,
    long version) {

  public LicenseKey {
    Ids.requireLicenseKeyId(id);
    requireText(businessId, "businessId");
    requireText(brandId, "brandId");
    requireText(customerId, "customerId");
    requireText(productId, "productId");
    requireText(key, "key");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    expiresAt = Timestamps.micros(expiresAt);
    createdAt = Timestamps.micros(createdAt);
    if (activationsLimit.exists(limit -> limit < 0)) {
      throw new IllegalArgumentException("activationsLimit must be 0 or more");
    }
    if (instancesCount < 0) {
      throw new IllegalArgumentException("instancesCount must be 0 or more");
    }
    if (activationsLimit.exists(limit -> instancesCount > limit)) {
      throw new IllegalArgumentException("instancesCount must not exceed activationsLimit");
    }
    if (version < 0) {
      throw new IllegalArgumentException("version must be 0 or more");
    }
  }

  public LicenseKeyStatus status(Instant now) {
    return LicenseKeyStatus.of(disabled, expiresAt, now);
  }

  /**
   * Applies every change of {@code patch}, or none: a refusal names every broken rule. The result
   * keeps this key's version; the store advances it when it saves.
   */
  public Either<LicenseKeyError, LicenseKey> apply(LicenseKeyPatch patch) {
    return Validation.combine(
            checkActivationsLimit(patch.activationsLimit()), checkExpiresAt(patch.expiresAt()))
        // The key is built after the checks, not in the function they hand their results to:
        // that function runs inside Vavr's Validation.ap, which the JIT leaves out of apply when
        // it is large, and then builds every Validation object (docs/BENCHMARKS.md, change 50).
        .ap((limit, expiry) -> patch)
        .mapError(violations -> (LicenseKeyError) new LicenseKeyError.PatchRejected(id, violations))
        .toEither()
        .map(this::changedBy);
  }

  /** This key with every change of {@code patch}, whose changes have passed their rules. */
  private LicenseKey changedBy(LicenseKeyPatch patch) {
    return copyWith(
        patch.activationsLimit().applyTo(activationsLimit),
        instancesCount,
        patch.disabled().applyTo(Option.some(disabled)).getOrElse(disabled),
        patch.expiresAt().applyTo(expiresAt),
        version);
  }

  private Validation<PatchViolation, Change<Integer>> checkActivationsLimit(
      Change<Integer> change) {
    if (change instanceof Change.Set<Integer>(var limit)) {
      if (limit < 0) {
        return Validation.invalid(new PatchViolation.ActivationLimitNegative(limit));
      }
      if (limit < instancesCount) {
        return Validation.invalid(
            new PatchViolation.ActivationLimitBelowInstancesCount(limit, instancesCount));
      }
    }
    return Validation.valid(change);
  }

  private Validation<PatchViolation, Change<Instant>> checkExpiresAt(Change<Instant> change) {
    if (change instanceof Change.Set<Instant> && subscriptionId.isDefined()) {
      return Validation.invalid(new PatchViolation.ExpiryOnSubscriptionKey());
    }
    return Validation.valid(change);
  }

  /** Takes one seat, if the key is active at {@code now} and has one free. */
  public Either<LicenseKeyError, LicenseKey> takeSeat(Instant now) {
    LicenseKeyStatus status = status(now);
    if (status != LicenseKeyStatus.ACTIVE) {
      return Either.left(new LicenseKeyError.InactiveLicenseKey(id, status));
    }
    if (!hasFreeSeat()) {
      return Either.left(
          new LicenseKeyError.LimitReached(id, activationsLimit.getOrElse(Integer.MAX_VALUE)));
    }
    return Either.right(withInstancesCount(instancesCount + 1));
  }

  /** Frees one seat. Allowed whatever the status: releasing a seat never needs permission. */
  public LicenseKey releaseSeat() {
    if (instancesCount == 0) {
      throw new IllegalStateException("license key " + id + " has no seat to release");
    }
    return withInstancesCount(instancesCount - 1);
  }

  public boolean hasFreeSeat() {
    // An unlimited key still stops at the largest count the store can hold.
    return instancesCount < activationsLimit.getOrElse(Integer.MAX_VALUE);
  }

  public LicenseKey withVersion(long newVersion) {
    return copyWith(activationsLimit, instancesCount, disabled, expiresAt, newVersion);
  }

  private LicenseKey withInstancesCount(int count) {
    return copyWith(activationsLimit, count, disabled, expiresAt, version);
  }

  /** This key with the fields that change over its life replaced; the others are for good. */
  private LicenseKey copyWith(
      Option<Integer> newActivationsLimit,
      int newInstancesCount,
      boolean newDisabled,
      Option<Instant> newExpiresAt,
      long newVersion) {
    return new LicenseKey(
        id,
        businessId,
        brandId,
        customerId,
        productId,
        key,
        source,
        newActivationsLimit,
        newInstancesCount,
        newDisabled,
        newExpiresAt,
        paymentId,
        subscriptionId,
        createdAt,
        newVersion);
  }

  /** For logs and messages: the key string is a secret and never printed. */
  @Override
  public String toString() {
    return "LicenseKey[id=%s, business=%s, limit=%s, count=%d, disabled=%s, expiresAt=%s, v%d]"
        .formatted(
            id,
            businessId,
            activationsLimit.map(String::valueOf).getOrElse("none"),
            instancesCount,
            disabled,
            expiresAt.map(Instant::toString).getOrElse("never"),
            version);
  }
}

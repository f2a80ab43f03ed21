package dev.licensekeys.domain.model;

import io.vavr.control.Validation;
import java.time.Instant;

/** One machine (or seat) activated on a license key. */
public record LicenseKeyInstance(
    String id, String businessId, String licenseKeyId, String name, Instant createdAt) {

  public static final int NAME_MAX_LENGTH = 255;

  public LicenseKeyInstance {
    Ids.requireInstanceId(id);
    Ids.requireText(businessId, "businessId");
    Ids.requireLicenseKeyId(licenseKeyId);
    if (checkName(name).isInvalid()) {
      throw new IllegalArgumentException("name " + checkName(name).getError().reason());
    }
    createdAt = Timestamps.micros(createdAt);
  }

  /** A name is what a person reads in a list of machines: some text, not too long. */
  public static Validation<FieldProblem, String> checkName(String name) {
    if (name == null || name.isBlank()) {
      return Validation.invalid(new FieldProblem("name", "must not be blank"));
    }
    if (name.length() > NAME_MAX_LENGTH) {
      return Validation.invalid(
          new FieldProblem("name", "must be at most " + NAME_MAX_LENGTH + " characters"));
    }
    return Validation.valid(name);
  }

  public LicenseKeyInstance withName(String newName) {
    return new LicenseKeyInstance(id, businessId, licenseKeyId, newName, createdAt);
  }
}

package dev.licensekeys.http;

import dev.licensekeys.domain.model.LicenseKeyError;
import dev.licensekeys.domain.model.PatchViolation;

/** Every domain error to its status and Dodo's code. No default: a new error must be mapped. */
final class ErrorMapping {

  private ErrorMapping() {}

  static HttpError toHttp(LicenseKeyError error) {
    return new HttpError(status(error), code(error), error.message());
  }

  static int status(LicenseKeyError error) {
    return switch (error) {
      case LicenseKeyError.NotFound e -> 404;
      case LicenseKeyError.InactiveLicenseKey e -> 403;
      case LicenseKeyError.LimitReached e -> 422;
      case LicenseKeyError.InstanceNotOfLicenseKey e -> 403;
      case LicenseKeyError.LicenseKeyAlreadyExists e -> 409;
      case LicenseKeyError.PatchRejected e -> status(e.violations().head());
      case LicenseKeyError.InvalidInput e -> 422;
      case LicenseKeyError.InvalidQuery e -> 422;
      case LicenseKeyError.VersionMismatch e -> 412;
    };
  }

  static String code(LicenseKeyError error) {
    return switch (error) {
      case LicenseKeyError.NotFound e -> "NOT_FOUND";
      case LicenseKeyError.InactiveLicenseKey e -> "INACTIVE_LICENSE_KEY";
      case LicenseKeyError.LimitReached e -> "LICENSE_KEY_LIMIT_REACHED";
      case LicenseKeyError.InstanceNotOfLicenseKey e -> "LICENSE_KEY_NOT_FOUND";
      case LicenseKeyError.LicenseKeyAlreadyExists e -> "LICENSE_KEY_ALREADY_EXISTS";
      case LicenseKeyError.PatchRejected e -> code(e.violations().head());
      case LicenseKeyError.InvalidInput e -> "INVALID_REQUEST_BODY";
      case LicenseKeyError.InvalidQuery e -> "INVALID_QUERY_PARAMS";
      case LicenseKeyError.VersionMismatch e -> "PRECONDITION_FAILED";
    };
  }

  private static int status(PatchViolation violation) {
    return switch (violation) {
      case PatchViolation.ActivationLimitNegative v -> 422;
      case PatchViolation.ActivationLimitBelowInstancesCount v -> 422;
      case PatchViolation.ExpiryOnSubscriptionKey v -> 400;
    };
  }

  private static String code(PatchViolation violation) {
    return switch (violation) {
      case PatchViolation.ActivationLimitNegative v -> "INVALID_REQUEST_BODY";
      case PatchViolation.ActivationLimitBelowInstancesCount v ->
          "ACTIVATION_LIMIT_LESS_THAN_CURRENT_AMOUNT";
      case PatchViolation.ExpiryOnSubscriptionKey v -> "NO_EXPIRY_ON_SUBSCRIPTION_LICENSE_KEYS";
    };
  }
}

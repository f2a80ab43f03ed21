package dev.licensekeys.domain.model;

/** A rule of SPEC section 3 that a patch broke, named by the field it concerns. */
public sealed interface PatchViolation {

  String field();

  String message();

  record ActivationLimitNegative(int requested) implements PatchViolation {
    @Override
    public String field() {
      return "activations_limit";
    }

    @Override
    public String message() {
      return "activations_limit must be 0 or more, got " + requested;
    }
  }

  record ActivationLimitBelowInstancesCount(int requested, int instancesCount)
      implements PatchViolation {
    @Override
    public String field() {
      return "activations_limit";
    }

    @Override
    public String message() {
      return "activations_limit "
          + requested
          + " is less than the "
          + instancesCount
          + " instances already activated";
    }
  }

  record ExpiryOnSubscriptionKey() implements PatchViolation {
    @Override
    public String field() {
      return "expires_at";
    }

    @Override
    public String message() {
      return "expires_at cannot be set on a license key tied to a subscription:"
          + " its expiry follows the subscription";
    }
  }
}

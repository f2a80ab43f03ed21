package dev.licensekeys.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.model.FieldProblem;
import dev.licensekeys.domain.model.LicenseKeyError;
import dev.licensekeys.domain.model.LicenseKeyError.Resource;
import dev.licensekeys.domain.model.LicenseKeyStatus;
import dev.licensekeys.domain.model.PatchViolation;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

/** One test per domain error: the status and Dodo's code it reaches the client with. */
class ErrorMappingTest {

  private static final String ID = "lic_000000000000000000001";

  private static void assertMapped(LicenseKeyError error, int status, String code) {
    HttpError http = ErrorMapping.toHttp(error);
    assertThat(http.status()).isEqualTo(status);
    assertThat(http.code()).isEqualTo(code);
    assertThat(http.message()).isEqualTo(error.message());
  }

  @Test
  void notFound() {
    assertMapped(LicenseKeyError.NotFound.of(Resource.LICENSE_KEY, ID), 404, "NOT_FOUND");
  }

  @Test
  void inactiveLicenseKey() {
    assertMapped(
        new LicenseKeyError.InactiveLicenseKey(ID, LicenseKeyStatus.EXPIRED),
        403,
        "INACTIVE_LICENSE_KEY");
  }

  @Test
  void limitReached() {
    assertMapped(new LicenseKeyError.LimitReached(ID, 3), 422, "LICENSE_KEY_LIMIT_REACHED");
  }

  @Test
  void instanceNotOfLicenseKey() {
    assertMapped(
        new LicenseKeyError.InstanceNotOfLicenseKey(ID, "lki_000000000000000000001"),
        403,
        "LICENSE_KEY_NOT_FOUND");
  }

  @Test
  void licenseKeyAlreadyExists() {
    assertMapped(new LicenseKeyError.LicenseKeyAlreadyExists(), 409, "LICENSE_KEY_ALREADY_EXISTS");
  }

  @Test
  void limitBelowInstancesCount() {
    assertMapped(
        new LicenseKeyError.PatchRejected(
            ID, List.of(new PatchViolation.ActivationLimitBelowInstancesCount(1, 2))),
        422,
        "ACTIVATION_LIMIT_LESS_THAN_CURRENT_AMOUNT");
  }

  @Test
  void expiryOnSubscriptionKey() {
    assertMapped(
        new LicenseKeyError.PatchRejected(
            ID, List.of(new PatchViolation.ExpiryOnSubscriptionKey())),
        400,
        "NO_EXPIRY_ON_SUBSCRIPTION_LICENSE_KEYS");
  }

  @Test
  void negativeLimit() {
    assertMapped(
        new LicenseKeyError.PatchRejected(
            ID, List.of(new PatchViolation.ActivationLimitNegative(-1))),
        422,
        "INVALID_REQUEST_BODY");
  }

  @Test
  void severalViolationsTakeTheFirstOnesCodeAndNameThemAll() {
    LicenseKeyError error =
        new LicenseKeyError.PatchRejected(
            ID,
            List.of(
                new PatchViolation.ActivationLimitBelowInstancesCount(1, 2),
                new PatchViolation.ExpiryOnSubscriptionKey()));

    assertMapped(error, 422, "ACTIVATION_LIMIT_LESS_THAN_CURRENT_AMOUNT");
    assertThat(error.message()).contains("activations_limit").contains("expires_at");
  }

  @Test
  void invalidInput() {
    assertMapped(
        new LicenseKeyError.InvalidInput(List.of(new FieldProblem("name", "must not be blank"))),
        422,
        "INVALID_REQUEST_BODY");
  }

  @Test
  void invalidQuery() {
    assertMapped(
        new LicenseKeyError.InvalidQuery(List.of(new FieldProblem("page_size", "too big"))),
        422,
        "INVALID_QUERY_PARAMS");
  }

  @Test
  void versionMismatch() {
    assertMapped(new LicenseKeyError.VersionMismatch(ID, 1, 2), 412, "PRECONDITION_FAILED");
  }
}

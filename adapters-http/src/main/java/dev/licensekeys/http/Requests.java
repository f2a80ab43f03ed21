package dev.licensekeys.http;

import dev.licensekeys.domain.patch.Change;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** The request bodies, as records with their constraints; {@link Fields} reads them strictly. */
final class Requests {

  static final int TEXT_MAX = 255;
  // Hibernate Validator's own message would say "between 0 and 255" of a text that must not be
  // blank.
  private static final String AT_MOST = "must be at most {max} characters";

  private Requests() {}

  record PatchLicenseKey(
      Change<@PositiveOrZero Integer> activationsLimit,
      Change<Boolean> disabled,
      Change<OffsetDateTime> expiresAt) {}

  record ImportLicenseKey(
      @NotBlank @Size(max = 64, message = AT_MOST) String customerId,
      @NotBlank @Size(max = TEXT_MAX, message = AT_MOST) String key,
      @NotBlank @Size(max = 64, message = AT_MOST) String productId,
      @PositiveOrZero Integer activationsLimit,
      OffsetDateTime expiresAt) {}

  record RenameInstance(@NotBlank @Size(max = TEXT_MAX, message = AT_MOST) String name) {}

  record Activate(
      @NotBlank @Size(max = TEXT_MAX, message = AT_MOST) String licenseKey,
      @NotBlank @Size(max = TEXT_MAX, message = AT_MOST) String name) {}

  record Deactivate(
      @NotBlank @Size(max = TEXT_MAX, message = AT_MOST) String licenseKey,
      @NotBlank @Size(max = 64, message = AT_MOST) String licenseKeyInstanceId) {}

  record Validate(
      @NotBlank @Size(max = TEXT_MAX, message = AT_MOST) String licenseKey,
      @Size(min = 1, max = 64, message = "must be 1 to {max} characters")
          String licenseKeyInstanceId) {}
}

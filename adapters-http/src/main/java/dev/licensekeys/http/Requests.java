package dev.licensekeys.http;

import dev.licensekeys.domain.patch.Change;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** The request bodies, as records with their constraints; {@link Fields} reads them strictly. */
final class Requests {

  static final int TEXT_MAX = 255;

  private Requests() {}

  record PatchLicenseKey(
      Change<@PositiveOrZero Integer> activationsLimit,
      Change<Boolean> disabled,
      Change<OffsetDateTime> expiresAt) {}

  record ImportLicenseKey(
      @NotBlank @Size(max = 64) String customerId,
      @NotBlank @Size(max = TEXT_MAX) String key,
      @NotBlank @Size(max = 64) String productId,
      @PositiveOrZero Integer activationsLimit,
      OffsetDateTime expiresAt) {}

  record RenameInstance(@NotBlank @Size(max = TEXT_MAX) String name) {}

  record Activate(
      @NotBlank @Size(max = TEXT_MAX) String licenseKey,
      @NotBlank @Size(max = TEXT_MAX) String name) {}

  record Deactivate(
      @NotBlank @Size(max = TEXT_MAX) String licenseKey,
      @NotBlank @Size(max = 64) String licenseKeyInstanceId) {}

  record Validate(
      @NotBlank @Size(max = TEXT_MAX) String licenseKey,
      @Size(min = 1, max = 64) String licenseKeyInstanceId) {}
}

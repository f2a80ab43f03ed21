package dev.licensekeys.domain.port.in;

import dev.licensekeys.domain.model.Caller;
import dev.licensekeys.domain.patch.LicenseKeyPatch;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * A patch for one key. With {@code expectedVersion} the patch applies only to that version (the
 * HTTP {@code If-Match}); without it, it is re-applied to the fresh state when another writer won.
 */
public record UpdateLicenseKeyCommand(
    Caller caller, String licenseKeyId, LicenseKeyPatch patch, Option<Long> expectedVersion) {
  public UpdateLicenseKeyCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(licenseKeyId, "licenseKeyId");
    Objects.requireNonNull(patch, "patch");
    Objects.requireNonNull(expectedVersion, "expectedVersion");
  }

  public UpdateLicenseKeyCommand(Caller caller, String licenseKeyId, LicenseKeyPatch patch) {
    this(caller, licenseKeyId, patch, Option.none());
  }
}

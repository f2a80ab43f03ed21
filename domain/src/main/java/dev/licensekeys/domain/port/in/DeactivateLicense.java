package dev.licensekeys.domain.port.in;

import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.LicenseKeyError;
import io.vavr.control.Either;

/** {@code POST /licenses/deactivate}: frees a seat, whatever the key's status. */
public interface DeactivateLicense {

  /** The key with its seat freed. */
  Either<LicenseKeyError, LicenseKey> deactivate(DeactivateLicenseCommand command);
}

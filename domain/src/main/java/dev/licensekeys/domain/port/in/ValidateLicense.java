package dev.licensekeys.domain.port.in;

import dev.licensekeys.domain.model.LicenseKeyError;
import io.vavr.control.Either;

/**
 * {@code POST /licenses/validate}: true iff the key exists, is active, and the instance (when
 * given) is one of its own. Only a malformed command is an error.
 */
public interface ValidateLicense {

  Either<LicenseKeyError, Boolean> validate(ValidateLicenseCommand command);
}

package dev.licensekeys.domain.port.in;

import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.LicenseKeyError;
import io.vavr.control.Either;

/** {@code PATCH /license_keys/{id}}: all of a patch or none of it. */
public interface UpdateLicenseKey {

  Either<LicenseKeyError, LicenseKey> update(UpdateLicenseKeyCommand command);
}

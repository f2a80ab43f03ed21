package dev.licensekeys.domain.port.in;

import dev.licensekeys.domain.model.Caller;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.LicenseKeyError;
import io.vavr.control.Either;

/** {@code GET /license_keys/{id}}: another business's key is not found. */
public interface GetLicenseKey {

  Either<LicenseKeyError, LicenseKey> get(Caller caller, String licenseKeyId);
}

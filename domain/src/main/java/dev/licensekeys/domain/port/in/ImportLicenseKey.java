package dev.licensekeys.domain.port.in;

import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.LicenseKeyError;
import io.vavr.control.Either;

/** {@code POST /license_keys}: a merchant brings a key string of their own. */
public interface ImportLicenseKey {

  Either<LicenseKeyError, LicenseKey> importKey(ImportLicenseKeyCommand command);
}

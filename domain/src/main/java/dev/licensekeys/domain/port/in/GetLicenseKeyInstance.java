package dev.licensekeys.domain.port.in;

import dev.licensekeys.domain.model.Caller;
import dev.licensekeys.domain.model.LicenseKeyError;
import dev.licensekeys.domain.model.LicenseKeyInstance;
import io.vavr.control.Either;

/** {@code GET /license_key_instances/{id}}. */
public interface GetLicenseKeyInstance {

  Either<LicenseKeyError, LicenseKeyInstance> get(Caller caller, String instanceId);
}

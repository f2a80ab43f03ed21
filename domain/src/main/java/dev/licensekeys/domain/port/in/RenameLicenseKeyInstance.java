package dev.licensekeys.domain.port.in;

import dev.licensekeys.domain.model.LicenseKeyError;
import dev.licensekeys.domain.model.LicenseKeyInstance;
import io.vavr.control.Either;

/** {@code PATCH /license_key_instances/{id}}: the name is the only thing that can change. */
public interface RenameLicenseKeyInstance {

  Either<LicenseKeyError, LicenseKeyInstance> rename(RenameLicenseKeyInstanceCommand command);
}

package dev.licensekeys.domain.port.in;

import dev.licensekeys.domain.model.LicenseKeyError;
import io.vavr.control.Either;

/** {@code POST /licenses/activate}: public; the key string is the credential. */
public interface ActivateLicense {

  Either<LicenseKeyError, Activation> activate(ActivateLicenseCommand command);
}

package dev.licensekeys.domain.port.in;

import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.LicenseKeyError;
import io.vavr.collection.Seq;
import io.vavr.control.Either;

/** {@code GET /license_keys}: one page of the caller's keys, newest first. */
public interface ListLicenseKeys {

  Either<LicenseKeyError, Seq<LicenseKey>> list(ListLicenseKeysQuery query);
}

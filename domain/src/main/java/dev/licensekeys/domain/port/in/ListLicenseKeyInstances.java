package dev.licensekeys.domain.port.in;

import dev.licensekeys.domain.model.LicenseKeyError;
import dev.licensekeys.domain.model.LicenseKeyInstance;
import io.vavr.collection.Seq;
import io.vavr.control.Either;

/** {@code GET /license_key_instances}: one page of the caller's instances, newest first. */
public interface ListLicenseKeyInstances {

  Either<LicenseKeyError, Seq<LicenseKeyInstance>> list(ListLicenseKeyInstancesQuery query);
}

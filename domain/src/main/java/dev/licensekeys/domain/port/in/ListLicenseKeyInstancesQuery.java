package dev.licensekeys.domain.port.in;

import dev.licensekeys.domain.model.Caller;
import io.vavr.control.Option;
import java.util.Objects;

public record ListLicenseKeyInstancesQuery(
    Caller caller, Option<String> licenseKeyId, int pageSize, int pageNumber) {
  public ListLicenseKeyInstancesQuery {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(licenseKeyId, "licenseKeyId");
  }
}

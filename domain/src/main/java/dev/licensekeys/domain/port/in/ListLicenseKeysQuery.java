package dev.licensekeys.domain.port.in;

import dev.licensekeys.domain.model.Caller;
import dev.licensekeys.domain.model.LicenseKeyFilter;
import java.util.Objects;

/** Page size and number as the caller sent them; the use case checks their range. */
public record ListLicenseKeysQuery(
    Caller caller, LicenseKeyFilter filter, int pageSize, int pageNumber) {
  public ListLicenseKeysQuery {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(filter, "filter");
  }
}

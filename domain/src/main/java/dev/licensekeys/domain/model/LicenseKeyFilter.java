package dev.licensekeys.domain.model;

import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/** Which license keys a list shows; every filter present must hold. */
public record LicenseKeyFilter(
    Option<String> customerId,
    Option<String> productId,
    Option<LicenseKeyStatus> status,
    Option<Source> source,
    Option<Instant> createdAtGte,
    Option<Instant> createdAtLte) {

  public static final LicenseKeyFilter ALL =
      new LicenseKeyFilter(
          Option.none(), Option.none(), Option.none(), Option.none(), Option.none(), Option.none());

  public LicenseKeyFilter {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(createdAtGte, "createdAtGte");
    Objects.requireNonNull(createdAtLte, "createdAtLte");
  }

  /** The filter as a predicate, for stores that filter in memory. */
  public boolean matches(LicenseKey key, Instant now) {
    return customerId.forAll(key.customerId()::equals)
        && productId.forAll(key.productId()::equals)
        && status.forAll(wanted -> key.status(now) == wanted)
        && source.forAll(wanted -> key.source() == wanted)
        && createdAtGte.forAll(from -> !key.createdAt().isBefore(from))
        && createdAtLte.forAll(to -> !key.createdAt().isAfter(to));
  }

  public LicenseKeyFilter withCustomerId(String id) {
    return new LicenseKeyFilter(
        Option.some(id), productId, status, source, createdAtGte, createdAtLte);
  }

  public LicenseKeyFilter withProductId(String id) {
    return new LicenseKeyFilter(
        customerId, Option.some(id), status, source, createdAtGte, createdAtLte);
  }

  public LicenseKeyFilter withStatus(LicenseKeyStatus wanted) {
    return new LicenseKeyFilter(
        customerId, productId, Option.some(wanted), source, createdAtGte, createdAtLte);
  }

  public LicenseKeyFilter withSource(Source wanted) {
    return new LicenseKeyFilter(
        customerId, productId, status, Option.some(wanted), createdAtGte, createdAtLte);
  }

  public LicenseKeyFilter withCreatedAtGte(Instant from) {
    return new LicenseKeyFilter(
        customerId, productId, status, source, Option.some(from), createdAtLte);
  }

  public LicenseKeyFilter withCreatedAtLte(Instant to) {
    return new LicenseKeyFilter(
        customerId, productId, status, source, createdAtGte, Option.some(to));
  }
}

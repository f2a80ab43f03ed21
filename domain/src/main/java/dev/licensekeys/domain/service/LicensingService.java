package dev.licensekeys.domain.service;

import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.AuditOperation;
import dev.licensekeys.domain.model.FieldChange;
import dev.licensekeys.domain.model.Ids;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.LicenseKeyError;
import dev.licensekeys.domain.model.LicenseKeyError.Resource;
import dev.licensekeys.domain.model.LicenseKeyInstance;
import dev.licensekeys.domain.model.LicenseKeyStatus;
import dev.licensekeys.domain.port.in.ActivateLicense;
import dev.licensekeys.domain.port.in.ActivateLicenseCommand;
import dev.licensekeys.domain.port.in.Activation;
import dev.licensekeys.domain.port.in.DeactivateLicense;
import dev.licensekeys.domain.port.in.DeactivateLicenseCommand;
import dev.licensekeys.domain.port.in.ValidateLicense;
import dev.licensekeys.domain.port.in.ValidateLicenseCommand;
import dev.licensekeys.domain.port.out.Customers;
import dev.licensekeys.domain.port.out.IdGenerator;
import dev.licensekeys.domain.port.out.LicenseKeyInstances;
import dev.licensekeys.domain.port.out.LicenseKeys;
import dev.licensekeys.domain.port.out.Products;
import dev.licensekeys.domain.port.out.SeatReleased;
import dev.licensekeys.domain.port.out.SeatTaken;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Clock;
import java.time.Instant;

/** The customer's side: activate, deactivate and validate a key by its string, no API key. */
public final class LicensingService implements ActivateLicense, DeactivateLicense, ValidateLicense {

  private final LicenseKeys keys;
  private final LicenseKeyInstances instances;
  private final Customers customers;
  private final Products products;
  private final IdGenerator ids;
  private final Clock clock;

  public LicensingService(
      LicenseKeys keys,
      LicenseKeyInstances instances,
      Customers customers,
      Products products,
      IdGenerator ids,
      Clock clock) {
    this.keys = keys;
    this.instances = instances;
    this.customers = customers;
    this.products = products;
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  public Either<LicenseKeyError, Activation> activate(ActivateLicenseCommand command) {
    return Inputs.orInvalidInput(
            Validation.combine(
                    Inputs.text("license_key", command.licenseKey()),
                    LicenseKeyInstance.checkName(command.name()))
                .ap((key, name) -> command))
        .flatMap(valid -> findByKey(command.licenseKey()))
        .flatMap(key -> activate(key, command.name()));
  }

  private Either<LicenseKeyError, Activation> activate(LicenseKey key, String name) {
    // The customer and product are read first, so that a seat is never taken for nothing.
    return customers
        .findById(key.businessId(), key.customerId())
        .toEither(() -> LicenseKeyError.NotFound.of(Resource.CUSTOMER, key.customerId()))
        .flatMap(
            customer ->
                products
                    .findById(key.businessId(), key.productId())
                    .toEither(() -> LicenseKeyError.NotFound.of(Resource.PRODUCT, key.productId()))
                    .flatMap(
                        product ->
                            keys.takeSeat(key.id(), locked -> takeSeat(locked, name))
                                .map(seat -> new Activation(seat.instance(), customer, product))));
  }

  private Either<LicenseKeyError, SeatTaken> takeSeat(LicenseKey locked, String name) {
    Instant now = clock.instant();
    return locked
        .takeSeat(now)
        .map(
            taken -> {
              LicenseKeyInstance instance =
                  new LicenseKeyInstance(
                      ids.newInstanceId(), locked.businessId(), locked.id(), name, now);
              AuditEvent event =
                  AuditEvent.keyChanged(AuditOperation.ACTIVATE, locked, taken, now, Option.none())
                      .with(new FieldChange("instance", Option.none(), Option.some(instance.id())));
              return new SeatTaken(taken, instance, event);
            });
  }

  @Override
  public Either<LicenseKeyError, LicenseKey> deactivate(DeactivateLicenseCommand command) {
    return Inputs.orInvalidInput(
            Validation.combine(
                    Inputs.text("license_key", command.licenseKey()),
                    Inputs.text("license_key_instance_id", command.instanceId()))
                .ap((key, instance) -> command))
        .flatMap(valid -> findByKey(command.licenseKey()))
        .flatMap(key -> releaseSeat(key, command.instanceId()))
        .map(SeatReleased::key);
  }

  private Either<LicenseKeyError, SeatReleased> releaseSeat(LicenseKey key, String instanceId) {
    // No stored instance has an id of another shape, so the store is not asked for one.
    if (!Ids.isInstanceId(instanceId)) {
      return Either.left(new LicenseKeyError.InstanceNotOfLicenseKey(key.id(), instanceId));
    }
    return keys.releaseSeat(key.id(), instanceId, locked -> release(locked, instanceId));
  }

  private SeatReleased release(LicenseKey locked, String instanceId) {
    LicenseKey released = locked.releaseSeat();
    AuditEvent event =
        AuditEvent.keyChanged(
                AuditOperation.DEACTIVATE, locked, released, clock.instant(), Option.none())
            .with(new FieldChange("instance", Option.some(instanceId), Option.none()));
    return new SeatReleased(released, event);
  }

  @Override
  public Either<LicenseKeyError, Boolean> validate(ValidateLicenseCommand command) {
    return Inputs.orInvalidInput(
            Inputs.text("license_key", command.licenseKey()).mapError(List::of))
        .map(
            licenseKey ->
                keys.findByKey(licenseKey)
                    .exists(
                        key ->
                            key.status(clock.instant()) == LicenseKeyStatus.ACTIVE
                                && command.instanceId().forAll(id -> isInstanceOf(key, id))));
  }

  private boolean isInstanceOf(LicenseKey key, String instanceId) {
    return Ids.isInstanceId(instanceId)
        && instances
            .findById(key.businessId(), instanceId)
            .exists(instance -> instance.licenseKeyId().equals(key.id()));
  }

  private Either<LicenseKeyError, LicenseKey> findByKey(String licenseKey) {
    return keys.findByKey(licenseKey).toEither(LicenseKeyError.NotFound::licenseKeyByKey);
  }
}

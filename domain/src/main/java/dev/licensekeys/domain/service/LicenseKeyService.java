package dev.licensekeys.domain.service;

import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.AuditOperation;
import dev.licensekeys.domain.model.Caller;
import dev.licensekeys.domain.model.FieldProblem;
import dev.licensekeys.domain.model.Ids;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.LicenseKeyError;
import dev.licensekeys.domain.model.LicenseKeyError.Resource;
import dev.licensekeys.domain.model.PageRequest;
import dev.licensekeys.domain.model.Source;
import dev.licensekeys.domain.port.in.GetLicenseKey;
import dev.licensekeys.domain.port.in.ImportLicenseKey;
import dev.licensekeys.domain.port.in.ImportLicenseKeyCommand;
import dev.licensekeys.domain.port.in.ListLicenseKeys;
import dev.licensekeys.domain.port.in.ListLicenseKeysQuery;
import dev.licensekeys.domain.port.in.UpdateLicenseKey;
import dev.licensekeys.domain.port.in.UpdateLicenseKeyCommand;
import dev.licensekeys.domain.port.out.Customers;
import dev.licensekeys.domain.port.out.IdGenerator;
import dev.licensekeys.domain.port.out.KeyChange;
import dev.licensekeys.domain.port.out.LicenseKeys;
import dev.licensekeys.domain.port.out.Products;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Clock;
import java.time.Instant;

/** The merchant's side of license keys: read, list, import and patch them. */
public final class LicenseKeyService
    implements UpdateLicenseKey, GetLicenseKey, ListLicenseKeys, ImportLicenseKey {

  /**
   * How often a patch is re-applied optimistically after losing a race, before it takes the key's
   * lock: the lock cannot lose, so a patch never fails for being slow.
   */
  static final int OPTIMISTIC_ATTEMPTS = 3;

  private final LicenseKeys keys;
  private final Customers customers;
  private final Products products;
  private final IdGenerator ids;
  private final Clock clock;

  public LicenseKeyService(
      LicenseKeys keys, Customers customers, Products products, IdGenerator ids, Clock clock) {
    this.keys = keys;
    this.customers = customers;
    this.products = products;
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  public Either<LicenseKeyError, LicenseKey> get(Caller caller, String licenseKeyId) {
    // Every key's id has the shape, so another names no key and is not looked up: a store may not
    // even take it (PostgreSQL refuses NUL in text).
    return Option.when(Ids.isLicenseKeyId(licenseKeyId), licenseKeyId)
        .flatMap(id -> keys.findById(caller.businessId(), id))
        .toEither(() -> LicenseKeyError.NotFound.of(Resource.LICENSE_KEY, licenseKeyId));
  }

  @Override
  public Either<LicenseKeyError, Seq<LicenseKey>> list(ListLicenseKeysQuery query) {
    return Inputs.orInvalidQuery(PageRequest.of(query.pageSize(), query.pageNumber()))
        .map(page -> keys.list(query.caller().businessId(), query.filter(), page, clock.instant()));
  }

  @Override
  public Either<LicenseKeyError, LicenseKey> update(UpdateLicenseKeyCommand command) {
    return attemptUpdate(command, 1);
  }

  private Either<LicenseKeyError, LicenseKey> attemptUpdate(
      UpdateLicenseKeyCommand command, int attempt) {
    if (attempt > OPTIMISTIC_ATTEMPTS) {
      return keys.saveLocked(
          command.caller().businessId(),
          command.licenseKeyId(),
          current -> decide(command, current));
    }
    return get(command.caller(), command.licenseKeyId())
        .flatMap(current -> decide(command, current))
        .flatMap(
            change ->
                change.changesNothing()
                    ? Either.right(change.before())
                    : keys.save(change.after(), change.event())
                        .fold(() -> attemptUpdate(command, attempt + 1), Either::right));
  }

  private Either<LicenseKeyError, KeyChange> decide(
      UpdateLicenseKeyCommand command, LicenseKey current) {
    return requireVersion(command.expectedVersion(), current)
        .flatMap(valid -> current.apply(command.patch()))
        .map(
            patched ->
                new KeyChange(
                    current,
                    patched,
                    AuditEvent.keyChanged(
                        AuditOperation.UPDATE,
                        current,
                        patched,
                        clock.instant(),
                        Option.some(command.caller().apiKeyId()))));
  }

  private static Either<LicenseKeyError, LicenseKey> requireVersion(
      Option<Long> expected, LicenseKey current) {
    return expected
        .filter(version -> version != current.version())
        .<Either<LicenseKeyError, LicenseKey>>map(
            version ->
                Either.left(
                    new LicenseKeyError.VersionMismatch(current.id(), version, current.version())))
        .getOrElse(() -> Either.right(current));
  }

  @Override
  public Either<LicenseKeyError, LicenseKey> importKey(ImportLicenseKeyCommand command) {
    String businessId = command.caller().businessId();
    return Inputs.orInvalidInput(checkImport(command))
        .flatMap(
            valid ->
                customers
                    .findById(businessId, command.customerId())
                    .toEither(
                        () -> LicenseKeyError.NotFound.of(Resource.CUSTOMER, command.customerId())))
        .flatMap(
            customer ->
                products
                    .findById(businessId, command.productId())
                    .toEither(
                        () -> LicenseKeyError.NotFound.of(Resource.PRODUCT, command.productId())))
        .flatMap(
            product -> {
              Instant now = clock.instant();
              LicenseKey created =
                  new LicenseKey(
                      ids.newLicenseKeyId(),
                      businessId,
                      product.brandId(),
                      command.customerId(),
                      command.productId(),
                      command.key(),
                      Source.IMPORT,
                      command.activationsLimit(),
                      0,
                      false,
                      command.expiresAt(),
                      Option.none(),
                      Option.none(),
                      now,
                      1);
              return keys.add(
                  created,
                  AuditEvent.keyCreated(created, now, Option.some(command.caller().apiKeyId())));
            });
  }

  private static Validation<Seq<FieldProblem>, ImportLicenseKeyCommand> checkImport(
      ImportLicenseKeyCommand command) {
    Validation<FieldProblem, Option<Integer>> limit =
        command.activationsLimit().exists(value -> value < 0)
            ? Validation.invalid(new FieldProblem("activations_limit", "must be 0 or more"))
            : Validation.valid(command.activationsLimit());
    return Validation.combine(
            Inputs.text("customer_id", command.customerId()),
            Inputs.text("product_id", command.productId()),
            Inputs.text("key", command.key()),
            limit)
        .ap((customer, product, key, activationsLimit) -> command);
  }
}

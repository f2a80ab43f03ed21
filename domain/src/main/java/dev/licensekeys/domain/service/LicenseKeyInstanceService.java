package dev.licensekeys.domain.service;

import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.Caller;
import dev.licensekeys.domain.model.Ids;
import dev.licensekeys.domain.model.LicenseKeyError;
import dev.licensekeys.domain.model.LicenseKeyError.Resource;
import dev.licensekeys.domain.model.LicenseKeyInstance;
import dev.licensekeys.domain.model.PageRequest;
import dev.licensekeys.domain.port.in.GetLicenseKeyInstance;
import dev.licensekeys.domain.port.in.ListLicenseKeyInstances;
import dev.licensekeys.domain.port.in.ListLicenseKeyInstancesQuery;
import dev.licensekeys.domain.port.in.RenameLicenseKeyInstance;
import dev.licensekeys.domain.port.in.RenameLicenseKeyInstanceCommand;
import dev.licensekeys.domain.port.out.LicenseKeyInstances;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;

/** The merchant's side of instances: read, list and rename them. */
public final class LicenseKeyInstanceService
    implements GetLicenseKeyInstance, RenameLicenseKeyInstance, ListLicenseKeyInstances {

  private final LicenseKeyInstances instances;
  private final Clock clock;

  public LicenseKeyInstanceService(LicenseKeyInstances instances, Clock clock) {
    this.instances = instances;
    this.clock = clock;
  }

  @Override
  public Either<LicenseKeyError, LicenseKeyInstance> get(Caller caller, String instanceId) {
    // As for keys: an id of another shape names no instance, and a store may not take it.
    return Option.when(Ids.isInstanceId(instanceId), instanceId)
        .flatMap(id -> instances.findById(caller.businessId(), id))
        .toEither(() -> notFound(instanceId));
  }

  @Override
  public Either<LicenseKeyError, LicenseKeyInstance> rename(
      RenameLicenseKeyInstanceCommand command) {
    return LicenseKeyInstance.checkName(command.name())
        .mapError(problem -> (LicenseKeyError) new LicenseKeyError.InvalidInput(List.of(problem)))
        .toEither()
        .flatMap(name -> get(command.caller(), command.instanceId()))
        .flatMap(
            current -> {
              LicenseKeyInstance renamed = current.withName(command.name());
              if (renamed.equals(current)) {
                return Either.right(current);
              }
              AuditEvent event =
                  AuditEvent.instanceRenamed(
                      current, renamed, clock.instant(), Option.some(command.caller().apiKeyId()));
              return instances
                  .rename(renamed, event)
                  .toEither(() -> notFound(command.instanceId()));
            });
  }

  @Override
  public Either<LicenseKeyError, Seq<LicenseKeyInstance>> list(ListLicenseKeyInstancesQuery query) {
    return Inputs.orInvalidQuery(PageRequest.of(query.pageSize(), query.pageNumber()))
        .map(page -> instances.list(query.caller().businessId(), query.licenseKeyId(), page));
  }

  private static LicenseKeyError notFound(String instanceId) {
    return LicenseKeyError.NotFound.of(Resource.LICENSE_KEY_INSTANCE, instanceId);
  }
}

package dev.licensekeys.domain.inmemory;

import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.LicenseKeyInstance;
import dev.licensekeys.domain.model.ListOrder;
import dev.licensekeys.domain.model.PageRequest;
import dev.licensekeys.domain.port.out.LicenseKeyInstances;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

public final class InMemoryLicenseKeyInstances implements LicenseKeyInstances {

  private final InMemoryState state;

  InMemoryLicenseKeyInstances(InMemoryState state) {
    this.state = state;
  }

  @Override
  public Option<LicenseKeyInstance> findById(String businessId, String instanceId) {
    synchronized (state) {
      return Option.of(state.instancesById.get(instanceId))
          .filter(instance -> instance.businessId().equals(businessId));
    }
  }

  @Override
  public Seq<LicenseKeyInstance> list(
      String businessId, Option<String> licenseKeyId, PageRequest page) {
    synchronized (state) {
      return List.ofAll(state.instancesById.values())
          .filter(
              instance ->
                  instance.businessId().equals(businessId)
                      && licenseKeyId.forAll(instance.licenseKeyId()::equals))
          .sorted(ListOrder.INSTANCES)
          .drop(Math.toIntExact(Math.min(page.offset(), Integer.MAX_VALUE)))
          .take(page.size());
    }
  }

  @Override
  public Option<LicenseKeyInstance> rename(LicenseKeyInstance renamed, AuditEvent event) {
    synchronized (state) {
      if (!state.instancesById.containsKey(renamed.id())) {
        return Option.none();
      }
      state.instancesById.put(renamed.id(), renamed);
      state.auditLog.append(event);
      return Option.some(renamed);
    }
  }
}

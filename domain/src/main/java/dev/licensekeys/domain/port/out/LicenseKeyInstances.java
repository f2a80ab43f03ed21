package dev.licensekeys.domain.port.out;

import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.LicenseKeyInstance;
import dev.licensekeys.domain.model.PageRequest;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/** Where activated instances live; they are added and removed with their key's seat count. */
public interface LicenseKeyInstances {

  Option<LicenseKeyInstance> findById(String businessId, String instanceId);

  /** One page of a business's instances, of one key when {@code licenseKeyId} is given. */
  Seq<LicenseKeyInstance> list(String businessId, Option<String> licenseKeyId, PageRequest page);

  /** Stores the new name with its event; none when the instance is gone. */
  Option<LicenseKeyInstance> rename(LicenseKeyInstance renamed, AuditEvent event);
}

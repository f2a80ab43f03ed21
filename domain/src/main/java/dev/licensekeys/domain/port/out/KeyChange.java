package dev.licensekeys.domain.port.out;

import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.LicenseKey;
import java.util.Objects;

/** What a patch decided for one key: its state before and after, and the event to record. */
public record KeyChange(LicenseKey before, LicenseKey after, AuditEvent event) {
  public KeyChange {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(event, "event");
    if (!before.id().equals(after.id()) || before.version() != after.version()) {
      throw new IllegalArgumentException("a change is of one key at one version");
    }
  }

  /** A change that changes nothing is not written: no new version, no event. */
  public boolean changesNothing() {
    return before.equals(after);
  }
}

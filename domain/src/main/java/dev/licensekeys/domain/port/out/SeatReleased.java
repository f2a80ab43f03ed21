package dev.licensekeys.domain.port.out;

import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.LicenseKey;
import java.util.Objects;

/** What a deactivation writes: the key with one seat freed, and the event. */
public record SeatReleased(LicenseKey key, AuditEvent event) {
  public SeatReleased {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(event, "event");
  }
}

package dev.licensekeys.domain.port.in;

import dev.licensekeys.domain.model.Caller;
import java.util.Objects;

public record RenameLicenseKeyInstanceCommand(Caller caller, String instanceId, String name) {
  public RenameLicenseKeyInstanceCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(instanceId, "instanceId");
  }
}

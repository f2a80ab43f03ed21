package dev.licensekeys.domain.port.in;

import io.vavr.control.Option;
import java.util.Objects;

public record ValidateLicenseCommand(String licenseKey, Option<String> instanceId) {
  public ValidateLicenseCommand {
    Objects.requireNonNull(instanceId, "instanceId");
  }
}

package dev.licensekeys.domain.port.in;

import dev.licensekeys.domain.model.Caller;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

public record ImportLicenseKeyCommand(
    Caller caller,
    String customerId,
    String productId,
    String key,
    Option<Integer> activationsLimit,
    Option<Instant> expiresAt) {
  public ImportLicenseKeyCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(activationsLimit, "activationsLimit");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}

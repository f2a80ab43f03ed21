package dev.licensekeys.benchmarks;

import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.Source;
import io.vavr.control.Option;
import java.time.Instant;

/** The key every micro-benchmark works on: a limit, two seats taken, an expiry. */
final class BenchData {

  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  static final LicenseKey KEY =
      new LicenseKey(
          "lic_000000000000000000001",
          "bus_1",
          "brnd_1",
          "cus_1",
          "pdt_1",
          "KEY-1",
          Source.IMPORT,
          Option.some(5),
          2,
          false,
          Option.some(Instant.parse("2030-01-01T00:00:00Z")),
          Option.none(),
          Option.none(),
          Instant.parse("2026-01-01T00:00:00Z"),
          7);

  private BenchData() {}
}

package dev.licensekeys.benchmarks;

import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.LicenseKeyStatus;
import dev.licensekeys.domain.patch.Change;
import dev.licensekeys.domain.patch.LicenseKeyPatch;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The domain's hot paths. {@code baseline*} methods measure the plainest work of the same shape (a
 * record copy, a comparison) in the same run, so results are read as ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// A heap touched before the first iteration: in a VM, first touching memory is slow enough to
// make one iteration in five read ten times the others (docs/BENCHMARKS.md).
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class DomainBenchmarks {

  final Instant now = BenchData.NOW;
  final LicenseKey key = BenchData.KEY;
  final LicenseKeyPatch patch =
      new LicenseKeyPatch(Change.set(10), Change.set(true), Change.clear());
  final LicenseKeyPatch later =
      LicenseKeyPatch.KEEP_ALL.withExpiresAt(Change.set(Instant.parse("2031-01-01T00:00:00Z")));

  @Benchmark
  public Either<?, LicenseKey> patchApply() {
    return key.apply(patch);
  }

  /** Baseline of patchApply: building the same 15-field record once, with no rules. */
  @Benchmark
  public LicenseKey baselineRecordCopy() {
    return key.withVersion(8);
  }

  @Benchmark
  public LicenseKeyPatch patchCompose() {
    return patch.then(later);
  }

  @Benchmark
  public LicenseKeyStatus statusDerivation() {
    return key.status(now);
  }

  /** Baseline of statusDerivation: one instant comparison. */
  @Benchmark
  public boolean baselineInstantCompare() {
    return now.isBefore(Instant.MAX);
  }
}

package dev.licensekeys.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.fixtures.Concurrently;
import dev.licensekeys.domain.fixtures.TestData;
import dev.licensekeys.domain.model.AuditOperation;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.LicenseKeyError;
import dev.licensekeys.domain.model.PageRequest;
import dev.licensekeys.domain.patch.Change;
import dev.licensekeys.domain.patch.LicenseKeyPatch;
import dev.licensekeys.domain.port.in.ActivateLicenseCommand;
import dev.licensekeys.domain.port.in.Activation;
import dev.licensekeys.domain.port.in.UpdateLicenseKeyCommand;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The invariants of SPEC section 2 under many writers at once, through the domain's services. */
public abstract class ConcurrencyContract extends OutPortsContract {

  /** How many random patches each of the 8 patching threads sends. */
  protected int patchesPerThread() {
    return 200;
  }

  @Test
  void sixtyFourActivationsOfAKeyWithLimitTenTakeExactlyTenSeats() throws Exception {
    LicenseKey key = stored(newKey().limit(10));

    List<Either<LicenseKeyError, Activation>> results =
        all(64, thread -> services.licensing().activate(activation(key, thread)));

    assertThat(results.count(Either::isRight)).isEqualTo(10);
    assertThat(results.filter(Either::isLeft).map(Either::getLeft))
        .hasSize(54)
        .allMatch(LicenseKeyError.LimitReached.class::isInstance);
    assertCountMatchesInstances(key.id());
    assertThat(currentOf(key).instancesCount()).isEqualTo(10);
  }

  @Test
  void loweringTheLimitWhileActivatingNeverLetsTheCountPassIt() throws Exception {
    LicenseKey key = stored(newKey().limit(40));
    Random random = new Random(7);
    int[] limits = IntStream.range(0, 16).map(i -> random.nextInt(41)).toArray();

    List<Object> results =
        all(
            32,
            thread -> {
              if (thread % 2 == 0) {
                return services.licensing().activate(activation(key, thread));
              }
              LicenseKeyPatch lower =
                  LicenseKeyPatch.KEEP_ALL.withActivationsLimit(Change.set(limits[thread / 2]));
              Either<LicenseKeyError, LicenseKey> patched =
                  services
                      .licenseKeys()
                      .update(new UpdateLicenseKeyCommand(TestData.CALLER, key.id(), lower));
              LicenseKey seen = currentOf(key);
              assertThat(seen.instancesCount())
                  .isLessThanOrEqualTo(seen.activationsLimit().getOrElse(Integer.MAX_VALUE));
              return patched;
            });

    assertThat(results).hasSize(32);
    LicenseKey last = currentOf(key);
    assertThat(last.instancesCount()).isLessThanOrEqualTo(last.activationsLimit().get());
    assertCountMatchesInstances(key.id());
  }

  @Test
  void concurrentPatchesLoseNoUpdate() throws Exception {
    LicenseKey initial = stored(newKey());
    java.util.List<Applied> applied = Collections.synchronizedList(new ArrayList<>());

    all(
        8,
        thread -> {
          Random random = new Random(thread);
          for (int i = 0; i < patchesPerThread(); i++) {
            LicenseKeyPatch patch = randomPatch(random);
            services
                .licenseKeys()
                .update(new UpdateLicenseKeyCommand(TestData.CALLER, initial.id(), patch))
                .peek(result -> applied.add(new Applied(patch, result)))
                .peekLeft(error -> assertThat(error).as("a valid patch was refused").isNull());
          }
          return null;
        });

    LicenseKey last = currentOf(initial);
    assertEveryVersionIsOneAppliedPatch(initial, last, List.ofAll(applied));
    assertThat(
            ports
                .auditTrail()
                .eventsOf(TestData.BUSINESS, initial.id())
                .count(event -> event.operation() == AuditOperation.UPDATE))
        .isEqualTo((int) (last.version() - initial.version()));
  }

  /** A patch that was answered, and the key it was answered with. */
  private record Applied(LicenseKeyPatch patch, LicenseKey result) {}

  /**
   * Every version between the first and the last was reported to some writer, and is the state
   * before it with one of the patches answered at that version applied: no write was lost, none was
   * applied to a stale state.
   */
  private static void assertEveryVersionIsOneAppliedPatch(
      LicenseKey initial, LicenseKey last, Seq<Applied> applied) {
    LicenseKey previous = initial;
    for (long version = initial.version() + 1; version <= last.version(); version++) {
      long wanted = version;
      Seq<Applied> atVersion = applied.filter(a -> a.result().version() == wanted);
      assertThat(atVersion).as("writers told of version %d", version).isNotEmpty();
      LicenseKey state = atVersion.head().result();
      assertThat(atVersion.map(Applied::result).distinct()).hasSize(1);
      LicenseKey before = previous;
      assertThat(
              atVersion.exists(
                  a ->
                      before
                          .apply(a.patch())
                          .exists(next -> next.withVersion(wanted).equals(state))))
          .as("version %d is one answered patch applied to version %d", version, version - 1)
          .isTrue();
      previous = state;
    }
    assertThat(previous).isEqualTo(last);
  }

  private static LicenseKeyPatch randomPatch(Random random) {
    Change<Integer> limit =
        switch (random.nextInt(3)) {
          case 0 -> Change.keep();
          case 1 -> Change.clear();
          default -> Change.set(random.nextInt(1000));
        };
    Change<Boolean> disabled =
        random.nextBoolean() ? Change.keep() : Change.set(random.nextBoolean());
    Change<Instant> expiresAt =
        switch (random.nextInt(3)) {
          case 0 -> Change.keep();
          case 1 -> Change.clear();
          default -> Change.set(TestData.T0.plusSeconds(random.nextInt(1_000_000)));
        };
    return new LicenseKeyPatch(limit, disabled, expiresAt);
  }

  private ActivateLicenseCommand activation(LicenseKey key, int thread) {
    return new ActivateLicenseCommand(key.key(), "machine " + thread);
  }

  private LicenseKey currentOf(LicenseKey key) {
    return ports.licenseKeys().findById(key.businessId(), key.id()).get();
  }

  private void assertCountMatchesInstances(String licenseKeyId) {
    LicenseKey key = ports.licenseKeys().findById(TestData.BUSINESS, licenseKeyId).get();
    int rows = 0;
    for (int page = 0; ; page++) {
      int onPage =
          ports
              .instances()
              .list(
                  TestData.BUSINESS,
                  io.vavr.control.Option.some(licenseKeyId),
                  new PageRequest(PageRequest.MAX_SIZE, page))
              .size();
      rows += onPage;
      if (onPage < PageRequest.MAX_SIZE) {
        break;
      }
    }
    assertThat(key.instancesCount()).as("instances_count equals the instance rows").isEqualTo(rows);
  }

  private static <T> List<T> all(int threads, Concurrently.ThreadTask<T> task) throws Exception {
    return List.ofAll(Concurrently.run(threads, task));
  }
}

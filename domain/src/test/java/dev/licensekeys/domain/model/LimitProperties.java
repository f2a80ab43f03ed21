package dev.licensekeys.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.licensekeys.domain.fixtures.DomainArbitraries;
import dev.licensekeys.domain.patch.Change;
import dev.licensekeys.domain.patch.LicenseKeyPatch;
import io.vavr.control.Either;
import java.time.Instant;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The activation limit: never below the seats taken, never passed by an activation. */
class LimitProperties {

  @Property
  void aLimitBelowTheInstancesCountIsRefusedAndAnyOtherAccepted(
      @ForAll("keys") LicenseKey key, @ForAll("limits") int limit) {
    Either<LicenseKeyError, LicenseKey> result =
        key.apply(LicenseKeyPatch.KEEP_ALL.withActivationsLimit(Change.set(limit)));

    if (limit < key.instancesCount()) {
      assertThat(result.getLeft())
          .isEqualTo(
              new LicenseKeyError.PatchRejected(
                  key.id(),
                  io.vavr.collection.List.of(
                      new PatchViolation.ActivationLimitBelowInstancesCount(
                          limit, key.instancesCount()))));
    } else {
      assertThat(result.map(LicenseKey::activationsLimit))
          .isEqualTo(Either.right(io.vavr.control.Option.some(limit)));
    }
  }

  @Property
  void clearingTheLimitIsAlwaysAccepted(@ForAll("keys") LicenseKey key) {
    assertThat(
            key.apply(LicenseKeyPatch.KEEP_ALL.withActivationsLimit(Change.clear()))
                .map(LicenseKey::activationsLimit))
        .isEqualTo(Either.right(io.vavr.control.Option.none()));
  }

  @Property
  void aSeatIsTakenOnlyFromAnActiveKeyWithOneFree(
      @ForAll("keys") LicenseKey key, @ForAll("instants") Instant now) {
    Either<LicenseKeyError, LicenseKey> taken = key.takeSeat(now);

    if (key.status(now) != LicenseKeyStatus.ACTIVE) {
      assertThat(taken.getLeft())
          .isEqualTo(new LicenseKeyError.InactiveLicenseKey(key.id(), key.status(now)));
    } else if (key.instancesCount() >= key.activationsLimit().getOrElse(Integer.MAX_VALUE)) {
      assertThat(taken.getLeft()).isInstanceOf(LicenseKeyError.LimitReached.class);
    } else {
      assertThat(taken.get().instancesCount()).isEqualTo(key.instancesCount() + 1);
      assertThat(taken.get().instancesCount())
          .isLessThanOrEqualTo(key.activationsLimit().getOrElse(Integer.MAX_VALUE));
    }
  }

  @Property
  void releasingASeatFreesExactlyOneAndNeedsOneTaken(@ForAll("keys") LicenseKey key) {
    if (key.instancesCount() == 0) {
      assertThatThrownBy(key::releaseSeat).isInstanceOf(IllegalStateException.class);
    } else {
      assertThat(key.releaseSeat().instancesCount()).isEqualTo(key.instancesCount() - 1);
    }
  }

  @Provide
  Arbitrary<LicenseKey> keys() {
    return DomainArbitraries.licenseKeys();
  }

  @Provide
  Arbitrary<Integer> limits() {
    return DomainArbitraries.requestedLimits().filter(limit -> limit >= 0);
  }

  @Provide
  Arbitrary<Instant> instants() {
    return DomainArbitraries.instants();
  }
}

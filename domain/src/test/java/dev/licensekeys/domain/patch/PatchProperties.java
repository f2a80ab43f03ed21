package dev.licensekeys.domain.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.fixtures.DomainArbitraries;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.LicenseKeyError;
import dev.licensekeys.domain.model.PatchViolation;
import dev.licensekeys.domain.model.Timestamps;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The laws of SPEC section 3 that hold for every key and every patch. */
class PatchProperties {

  @Property
  void keepingEveryFieldIsIdentity(@ForAll("keys") LicenseKey key) {
    assertThat(key.apply(LicenseKeyPatch.KEEP_ALL)).isEqualTo(Either.right(key));
  }

  @Property
  void applyingAPatchTwiceEqualsApplyingItOnce(
      @ForAll("keys") LicenseKey key, @ForAll("patches") LicenseKeyPatch patch) {
    Either<LicenseKeyError, LicenseKey> once = key.apply(patch);

    assertThat(once.flatMap(result -> result.apply(patch))).isEqualTo(once);
  }

  @Property
  void applyingOneAfterTheOtherEqualsApplyingTheirComposition(
      @ForAll("keys") LicenseKey key,
      @ForAll("patches") LicenseKeyPatch first,
      @ForAll("patches") LicenseKeyPatch second) {
    Either<LicenseKeyError, LicenseKey> oneAfterTheOther =
        key.apply(first).flatMap(result -> result.apply(second));
    Either<LicenseKeyError, LicenseKey> composed = key.apply(first.then(second));

    if (oneAfterTheOther.isRight()) {
      assertThat(composed).isEqualTo(oneAfterTheOther);
    }
    if (composed.isLeft()) {
      assertThat(oneAfterTheOther.isLeft()).isTrue();
    }
  }

  @Property
  void composingPutsTheLaterChangeFirstPerField(
      @ForAll("patches") LicenseKeyPatch first, @ForAll("patches") LicenseKeyPatch second) {
    LicenseKeyPatch composed = first.then(second);

    assertThat(composed.activationsLimit())
        .isEqualTo(
            second.activationsLimit().isKeep()
                ? first.activationsLimit()
                : second.activationsLimit());
    assertThat(composed.disabled())
        .isEqualTo(second.disabled().isKeep() ? first.disabled() : second.disabled());
    assertThat(composed.expiresAt())
        .isEqualTo(second.expiresAt().isKeep() ? first.expiresAt() : second.expiresAt());
  }

  @Property
  void compositionIsAssociativeWithKeepAllAsItsIdentity(
      @ForAll("patches") LicenseKeyPatch a,
      @ForAll("patches") LicenseKeyPatch b,
      @ForAll("patches") LicenseKeyPatch c) {
    assertThat(a.then(b).then(c)).isEqualTo(a.then(b.then(c)));
    assertThat(LicenseKeyPatch.KEEP_ALL.then(a)).isEqualTo(a);
    assertThat(a.then(LicenseKeyPatch.KEEP_ALL)).isEqualTo(a);
  }

  @Property
  void patchesOnDisjointFieldsCommute(
      @ForAll("keys") LicenseKey key,
      @ForAll("patches") LicenseKeyPatch p,
      @ForAll("patches") LicenseKeyPatch q,
      @ForAll("fieldSplits") boolean[] toFirst) {
    LicenseKeyPatch first = onlyFields(p, toFirst, true);
    LicenseKeyPatch second = onlyFields(q, toFirst, false);

    assertThat(first.then(second)).isEqualTo(second.then(first));
    Either<LicenseKeyError, LicenseKey> firstThenSecond =
        key.apply(first).flatMap(result -> result.apply(second));
    Either<LicenseKeyError, LicenseKey> secondThenFirst =
        key.apply(second).flatMap(result -> result.apply(first));
    assertThat(firstThenSecond.isRight()).isEqualTo(secondThenFirst.isRight());
    if (firstThenSecond.isRight()) {
      assertThat(firstThenSecond).isEqualTo(secondThenFirst);
    }
  }

  @Property
  void fieldsUnderKeepAreUntouchedAndTheOthersTakeTheirChange(
      @ForAll("keys") LicenseKey key, @ForAll("patches") LicenseKeyPatch patch) {
    key.apply(patch)
        .peek(
            patched -> {
              assertThat(patched.activationsLimit())
                  .isEqualTo(patch.activationsLimit().applyTo(key.activationsLimit()));
              assertThat(patched.disabled())
                  .isEqualTo(patch.disabled().applyTo(Option.some(key.disabled())).contains(true));
              assertThat(patched.expiresAt())
                  .isEqualTo(patch.expiresAt().map(Timestamps::micros).applyTo(key.expiresAt()));
            });
  }

  @Property
  void aPatchNeverChangesWhatIsNotPatchable(
      @ForAll("keys") LicenseKey key, @ForAll("patches") LicenseKeyPatch patch) {
    key.apply(patch)
        .peek(
            patched -> {
              assertThat(patched.id()).isEqualTo(key.id());
              assertThat(patched.key()).isEqualTo(key.key());
              assertThat(patched.instancesCount()).isEqualTo(key.instancesCount());
              assertThat(patched.createdAt()).isEqualTo(key.createdAt());
              assertThat(patched.businessId()).isEqualTo(key.businessId());
              assertThat(patched.customerId()).isEqualTo(key.customerId());
              assertThat(patched.productId()).isEqualTo(key.productId());
              assertThat(patched.source()).isEqualTo(key.source());
              assertThat(patched.subscriptionId()).isEqualTo(key.subscriptionId());
              assertThat(patched.paymentId()).isEqualTo(key.paymentId());
              assertThat(patched.version()).isEqualTo(key.version());
            });
  }

  @Property
  void aRefusedPatchNamesEveryBrokenRuleAndNothingElse(
      @ForAll("keys") LicenseKey key, @ForAll("patches") LicenseKeyPatch patch) {
    Set<Class<?>> expected = HashSet.empty();
    if (patch.activationsLimit() instanceof Change.Set<Integer>(var limit)) {
      if (limit < 0) {
        expected = expected.add(PatchViolation.ActivationLimitNegative.class);
      } else if (limit < key.instancesCount()) {
        expected = expected.add(PatchViolation.ActivationLimitBelowInstancesCount.class);
      }
    }
    if (patch.expiresAt() instanceof Change.Set<Instant> && key.subscriptionId().isDefined()) {
      expected = expected.add(PatchViolation.ExpiryOnSubscriptionKey.class);
    }

    Either<LicenseKeyError, LicenseKey> result = key.apply(patch);
    Set<Class<?>> broken = expected;

    if (broken.isEmpty()) {
      assertThat(result.isRight()).isTrue();
    } else {
      assertThat(result.getLeft())
          .isInstanceOfSatisfying(
              LicenseKeyError.PatchRejected.class,
              rejected ->
                  assertThat(rejected.violations().map(Object::getClass).toSet())
                      .isEqualTo(broken));
    }
  }

  @Provide
  Arbitrary<LicenseKey> keys() {
    return DomainArbitraries.licenseKeys();
  }

  @Provide
  Arbitrary<LicenseKeyPatch> patches() {
    return DomainArbitraries.patches();
  }

  /** For each of the three fields, whether the first patch (true) or the second owns it. */
  @Provide
  Arbitrary<boolean[]> fieldSplits() {
    return Arbitraries.of(true, false)
        .array(Boolean[].class)
        .ofSize(3)
        .map(
            owners -> {
              boolean[] split = new boolean[3];
              for (int i = 0; i < 3; i++) {
                split[i] = owners[i];
              }
              return split;
            });
  }

  private static LicenseKeyPatch onlyFields(LicenseKeyPatch patch, boolean[] owners, boolean mine) {
    return new LicenseKeyPatch(
        owners[0] == mine ? patch.activationsLimit() : Change.keep(),
        owners[1] == mine ? patch.disabled() : Change.keep(),
        owners[2] == mine ? patch.expiresAt() : Change.keep());
  }
}

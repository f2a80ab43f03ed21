package dev.licensekeys.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.fixtures.DomainArbitraries;
import dev.licensekeys.domain.fixtures.MutableClock;
import dev.licensekeys.domain.fixtures.OutPorts;
import dev.licensekeys.domain.fixtures.Services;
import dev.licensekeys.domain.fixtures.TestData;
import dev.licensekeys.domain.inmemory.InMemoryAdapters;
import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.LicenseKeyError;
import dev.licensekeys.domain.model.LicenseKeyStatus;
import dev.licensekeys.domain.model.PageRequest;
import dev.licensekeys.domain.model.Timestamps;
import dev.licensekeys.domain.patch.Change;
import dev.licensekeys.domain.patch.LicenseKeyPatch;
import dev.licensekeys.domain.port.in.ActivateLicenseCommand;
import dev.licensekeys.domain.port.in.Activation;
import dev.licensekeys.domain.port.in.DeactivateLicenseCommand;
import dev.licensekeys.domain.port.in.UpdateLicenseKeyCommand;
import dev.licensekeys.domain.port.in.ValidateLicenseCommand;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Activate, deactivate, patch, validate and let time pass, in random order, on three keys; after
 * every step the store agrees with a plain model and the invariants of SPEC section 2 hold.
 */
class LicensingStateProperties {

  @Property
  void everyStepKeepsTheStoreEqualToTheModelAndTheInvariantsTrue(
      @ForAll("chains") ActionChain<Machine> chain) {
    chain.withInvariant("store matches model, count == rows <= limit", Machine::check).run();
  }

  @Provide
  Arbitrary<ActionChain<Machine>> chains() {
    return ActionChain.startWith(Machine::new)
        .withAction(3, new Activate())
        .withAction(2, new Deactivate())
        .withAction(3, new Patch())
        .withAction(1, new Validate())
        .withAction(1, new LetTimePass())
        .withMaxTransformations(30);
  }

  /** What the model knows of one key: the patchable fields and its instances. */
  static final class ModelKey {
    final LicenseKey initial;
    Option<Integer> limit;
    boolean disabled;
    Option<Instant> expiresAt;
    final List<String> instances = new ArrayList<>();

    ModelKey(LicenseKey initial) {
      this.initial = initial;
      this.limit = initial.activationsLimit();
      this.disabled = initial.disabled();
      this.expiresAt = initial.expiresAt();
    }

    boolean activeAt(Instant now) {
      return !disabled && expiresAt.forAll(now::isBefore);
    }

    boolean hasFreeSeat() {
      return instances.size() < limit.getOrElse(Integer.MAX_VALUE);
    }
  }

  /** The system under test (services over in-memory adapters) and the model beside it. */
  static final class Machine {
    final OutPorts ports = InMemoryAdapters.create();
    final MutableClock clock = new MutableClock(DomainArbitraries.NOW);
    final Services services = Services.over(ports, clock);
    final Map<String, ModelKey> model = new LinkedHashMap<>();

    Machine() {
      TestData.seedDirectories(ports);
      add(TestData.key(ports.ids().newLicenseKeyId()).limit(2));
      add(
          TestData.key(ports.ids().newLicenseKeyId())
              .limit(1)
              .subscription("sub_1")
              .expiresAt(clock.instant().plus(Duration.ofDays(3))));
      add(TestData.key(ports.ids().newLicenseKeyId()));
    }

    private void add(TestData.LicenseKeyBuilder builder) {
      LicenseKey key = builder.build();
      ports.licenseKeys().add(key, AuditEvent.keyCreated(key, clock.instant(), Option.none()));
      model.put(key.id(), new ModelKey(key));
    }

    ModelKey key(int index) {
      return new ArrayList<>(model.values()).get(index);
    }

    void check() {
      for (ModelKey expected : model.values()) {
        LicenseKey stored =
            ports.licenseKeys().findById(TestData.BUSINESS, expected.initial.id()).get();
        List<String> rows =
            ports
                .instances()
                .list(TestData.BUSINESS, Option.some(stored.id()), new PageRequest(100, 0))
                .map(instance -> instance.id())
                .toJavaList();
        assertThat(stored.instancesCount()).isEqualTo(rows.size());
        assertThat(rows).containsExactlyInAnyOrderElementsOf(expected.instances);
        assertThat(stored.instancesCount())
            .isLessThanOrEqualTo(stored.activationsLimit().getOrElse(Integer.MAX_VALUE));
        assertThat(stored.activationsLimit()).isEqualTo(expected.limit);
        assertThat(stored.disabled()).isEqualTo(expected.disabled);
        assertThat(stored.expiresAt()).isEqualTo(expected.expiresAt);
      }
    }

    @Override
    public String toString() {
      return "Machine at " + clock.instant();
    }
  }

  static final class Activate implements Action.Independent<Machine> {
    @Override
    public Arbitrary<Transformer<Machine>> transformer() {
      return Arbitraries.integers()
          .between(0, 2)
          .map(
              index ->
                  Transformer.mutate(
                      "activate key " + index,
                      machine -> {
                        ModelKey key = machine.key(index);
                        boolean allowed =
                            key.activeAt(machine.clock.instant()) && key.hasFreeSeat();
                        Either<LicenseKeyError, Activation> result =
                            machine
                                .services
                                .licensing()
                                .activate(new ActivateLicenseCommand(key.initial.key(), "m"));
                        assertThat(result.isRight()).as("activation allowed").isEqualTo(allowed);
                        result.peek(activation -> key.instances.add(activation.instance().id()));
                        result.peekLeft(
                            error ->
                                assertThat(error)
                                    .isInstanceOfAny(
                                        LicenseKeyError.InactiveLicenseKey.class,
                                        LicenseKeyError.LimitReached.class));
                      }));
    }
  }

  static final class Deactivate implements Action.Dependent<Machine> {
    @Override
    public Arbitrary<Transformer<Machine>> transformer(Machine state) {
      List<String> known = new ArrayList<>();
      state.model.values().forEach(key -> known.addAll(key.instances));
      known.add("lki_000000000000000000000");
      return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.of(known))
          .as(
              (index, instanceId) ->
                  Transformer.mutate(
                      "deactivate " + instanceId + " on key " + index,
                      machine -> {
                        ModelKey key = machine.key(index);
                        boolean owned = key.instances.contains(instanceId);
                        Either<LicenseKeyError, LicenseKey> result =
                            machine
                                .services
                                .licensing()
                                .deactivate(
                                    new DeactivateLicenseCommand(key.initial.key(), instanceId));
                        assertThat(result.isRight()).as("deactivation allowed").isEqualTo(owned);
                        if (owned) {
                          key.instances.remove(instanceId);
                        } else {
                          assertThat(result.getLeft())
                              .isInstanceOf(LicenseKeyError.InstanceNotOfLicenseKey.class);
                        }
                      }));
    }
  }

  static final class Patch implements Action.Independent<Machine> {
    @Override
    public Arbitrary<Transformer<Machine>> transformer() {
      return Combinators.combine(Arbitraries.integers().between(0, 2), patches())
          .as(
              (index, patch) ->
                  Transformer.mutate(
                      "patch key " + index + " with " + patch,
                      machine -> {
                        ModelKey key = machine.key(index);
                        boolean allowed = allowed(key, patch);
                        Either<LicenseKeyError, LicenseKey> result =
                            machine
                                .services
                                .licenseKeys()
                                .update(
                                    new UpdateLicenseKeyCommand(
                                        TestData.CALLER, key.initial.id(), patch));
                        assertThat(result.isRight()).as("patch allowed").isEqualTo(allowed);
                        if (allowed) {
                          key.limit = patch.activationsLimit().applyTo(key.limit);
                          key.disabled =
                              patch.disabled().applyTo(Option.some(key.disabled)).contains(true);
                          key.expiresAt =
                              patch.expiresAt().map(Timestamps::micros).applyTo(key.expiresAt);
                        }
                      }));
    }

    private static Arbitrary<LicenseKeyPatch> patches() {
      return Combinators.combine(
              DomainArbitraries.changes(Arbitraries.integers().between(-1, 4)),
              DomainArbitraries.disabledChanges(),
              DomainArbitraries.changes(
                  Arbitraries.integers()
                      .between(-2, 4)
                      .map(days -> DomainArbitraries.NOW.plus(Duration.ofDays(days)))))
          .as(LicenseKeyPatch::new);
    }

    private static boolean allowed(ModelKey key, LicenseKeyPatch patch) {
      boolean limitOk =
          !(patch.activationsLimit() instanceof Change.Set<Integer>(var limit))
              || limit >= key.instances.size();
      boolean expiryOk =
          !(patch.expiresAt() instanceof Change.Set<Instant>)
              || key.initial.subscriptionId().isEmpty();
      return limitOk && expiryOk;
    }
  }

  static final class Validate implements Action.Dependent<Machine> {
    @Override
    public Arbitrary<Transformer<Machine>> transformer(Machine state) {
      List<String> known = new ArrayList<>();
      state.model.values().forEach(key -> known.addAll(key.instances));
      Arbitrary<Option<String>> instance =
          known.isEmpty()
              ? Arbitraries.just(Option.none())
              : Arbitraries.oneOf(
                  Arbitraries.just(Option.<String>none()), Arbitraries.of(known).map(Option::some));
      return Combinators.combine(Arbitraries.integers().between(0, 2), instance)
          .as(
              (index, instanceId) ->
                  Transformer.mutate(
                      "validate key " + index + " with " + instanceId,
                      machine -> {
                        ModelKey key = machine.key(index);
                        boolean valid =
                            key.activeAt(machine.clock.instant())
                                && instanceId.forAll(key.instances::contains);
                        assertThat(
                                machine
                                    .services
                                    .licensing()
                                    .validate(
                                        new ValidateLicenseCommand(key.initial.key(), instanceId)))
                            .isEqualTo(Either.right(valid));
                        assertThat(
                                machine
                                        .ports
                                        .licenseKeys()
                                        .findById(TestData.BUSINESS, key.initial.id())
                                        .get()
                                        .status(machine.clock.instant())
                                    == LicenseKeyStatus.ACTIVE)
                            .isEqualTo(key.activeAt(machine.clock.instant()));
                      }));
    }
  }

  static final class LetTimePass implements Action.Independent<Machine> {
    @Override
    public Arbitrary<Transformer<Machine>> transformer() {
      return Arbitraries.longs()
          .between(0, Duration.ofDays(2).toSeconds())
          .map(
              seconds ->
                  Transformer.mutate(
                      "wait " + seconds + " s",
                      machine -> machine.clock.advance(Duration.ofSeconds(seconds))));
    }
  }
}

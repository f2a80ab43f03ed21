package dev.licensekeys.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.fixtures.TestData;
import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.AuditOperation;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.LicenseKeyError;
import dev.licensekeys.domain.model.LicenseKeyFilter;
import dev.licensekeys.domain.model.LicenseKeyInstance;
import dev.licensekeys.domain.model.LicenseKeyStatus;
import dev.licensekeys.domain.model.PageRequest;
import dev.licensekeys.domain.model.Source;
import dev.licensekeys.domain.patch.Change;
import dev.licensekeys.domain.patch.LicenseKeyPatch;
import dev.licensekeys.domain.port.in.ActivateLicenseCommand;
import dev.licensekeys.domain.port.out.KeyChange;
import dev.licensekeys.domain.port.out.SeatReleased;
import dev.licensekeys.domain.port.out.SeatTaken;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** What every {@code LicenseKeys} adapter must do; concurrency has a contract of its own. */
public abstract class LicenseKeysContract extends OutPortsContract {

  @Test
  void anAddedKeyIsFoundByIdAndByKeyStringExactlyAsAdded() {
    LicenseKey key =
        stored(
            newKey()
                .limit(3)
                .expiresAt(Instant.parse("2030-05-06T07:08:09.123456Z"))
                .subscription("sub_1")
                .source(Source.AUTO)
                .createdAt(Instant.parse("2026-02-03T04:05:06.654321Z")));

    assertThat(ports.licenseKeys().findById(TestData.BUSINESS, key.id())).containsExactly(key);
    assertThat(ports.licenseKeys().findByKey(key.key())).containsExactly(key);
  }

  @Test
  void anotherBusinessDoesNotFindTheKeyById() {
    LicenseKey key = stored(newKey());

    assertThat(ports.licenseKeys().findById(TestData.OTHER_BUSINESS, key.id())).isEmpty();
    assertThat(ports.licenseKeys().findById(TestData.BUSINESS, "lic_000000000000000000000"))
        .isEmpty();
    assertThat(ports.licenseKeys().findByKey("no such key")).isEmpty();
  }

  @Test
  void aKeyStringIsUniqueAcrossTheWholeStore() {
    LicenseKey first = stored(newKey().keyString("SAME"));
    LicenseKey second = newKey().keyString("SAME").business(TestData.OTHER_BUSINESS).build();

    Either<LicenseKeyError, LicenseKey> result =
        ports
            .licenseKeys()
            .add(second, AuditEvent.keyCreated(second, clock.instant(), Option.none()));

    assertThat(result.getLeft()).isInstanceOf(LicenseKeyError.LicenseKeyAlreadyExists.class);
    assertThat(ports.licenseKeys().findByKey("SAME")).containsExactly(first);
    assertThat(ports.licenseKeys().findById(TestData.OTHER_BUSINESS, second.id())).isEmpty();
  }

  @Test
  void savingAtTheCurrentVersionStoresTheChangeAtTheNextVersion() {
    LicenseKey key = stored(newKey());
    LicenseKey changed = key.apply(limitPatch(7)).get();

    Option<LicenseKey> saved = ports.licenseKeys().save(changed, updated(key, changed));

    assertThat(saved).containsExactly(changed.withVersion(key.version() + 1));
    assertThat(ports.licenseKeys().findById(TestData.BUSINESS, key.id())).isEqualTo(saved);
  }

  @Test
  void savingAStaleVersionChangesNothing() {
    LicenseKey key = stored(newKey());
    LicenseKey first = key.apply(limitPatch(7)).get();
    ports.licenseKeys().save(first, updated(key, first));
    LicenseKey stale = key.apply(limitPatch(9)).get();

    assertThat(ports.licenseKeys().save(stale, updated(key, stale))).isEmpty();
    assertThat(ports.licenseKeys().findById(TestData.BUSINESS, key.id()).get().activationsLimit())
        .containsExactly(7);
    assertThat(ports.auditTrail().eventsOf(TestData.BUSINESS, key.id()).map(AuditEvent::operation))
        .containsExactly(AuditOperation.IMPORT, AuditOperation.UPDATE);
  }

  @Test
  void savingAKeyThatWasNeverAddedStoresNothing() {
    LicenseKey ghost = newKey().build();

    assertThat(ports.licenseKeys().save(ghost, updated(ghost, ghost))).isEmpty();
    assertThat(ports.licenseKeys().findById(TestData.BUSINESS, ghost.id())).isEmpty();
  }

  @Test
  void aSavedChangeAndItsAuditEventAreStoredTogether() {
    LicenseKey key = stored(newKey());
    LicenseKey changed = key.apply(limitPatch(4)).get();
    AuditEvent event = updated(key, changed);

    ports.licenseKeys().save(changed, event);

    assertThat(ports.auditTrail().eventsOf(TestData.BUSINESS, key.id()).last()).isEqualTo(event);
  }

  @Test
  void aLockedSaveStoresTheDecidedChangeAtTheNextVersion() {
    LicenseKey key = stored(newKey());

    Either<LicenseKeyError, LicenseKey> saved =
        ports
            .licenseKeys()
            .saveLocked(
                TestData.BUSINESS,
                key.id(),
                locked ->
                    locked
                        .apply(limitPatch(5))
                        .map(after -> new KeyChange(locked, after, updated(locked, after))));

    assertThat(saved.map(LicenseKey::version)).isEqualTo(Either.right(key.version() + 1));
    assertThat(ports.licenseKeys().findById(TestData.BUSINESS, key.id()))
        .containsExactly(saved.get());
    assertThat(ports.auditTrail().eventsOf(TestData.BUSINESS, key.id())).hasSize(2);
  }

  @Test
  void aLockedSaveThatChangesNothingOrIsRefusedWritesNothing() {
    LicenseKey key = stored(newKey().limit(1).instancesCount(0));

    Either<LicenseKeyError, LicenseKey> unchanged =
        ports
            .licenseKeys()
            .saveLocked(
                TestData.BUSINESS,
                key.id(),
                locked -> Either.right(new KeyChange(locked, locked, updated(locked, locked))));
    Either<LicenseKeyError, LicenseKey> refused =
        ports
            .licenseKeys()
            .saveLocked(
                TestData.BUSINESS, key.id(), locked -> locked.apply(limitPatch(-1)).map(a -> null));
    Either<LicenseKeyError, LicenseKey> elsewhere =
        ports
            .licenseKeys()
            .saveLocked(
                TestData.OTHER_BUSINESS,
                key.id(),
                locked -> {
                  throw new AssertionError("another business's key was handed out");
                });

    assertThat(unchanged).isEqualTo(Either.right(key));
    assertThat(refused.getLeft()).isInstanceOf(LicenseKeyError.PatchRejected.class);
    assertThat(elsewhere.getLeft()).isInstanceOf(LicenseKeyError.NotFound.class);
    assertThat(ports.licenseKeys().findById(TestData.BUSINESS, key.id())).containsExactly(key);
    assertThat(ports.auditTrail().eventsOf(TestData.BUSINESS, key.id())).hasSize(1);
  }

  @Test
  void listShowsNewestFirstThenById() {
    LicenseKey oldest = stored(newKey().createdAt(TestData.T0));
    LicenseKey tiedA = stored(newKey().createdAt(TestData.T0.plusSeconds(10)));
    LicenseKey tiedB = stored(newKey().createdAt(TestData.T0.plusSeconds(10)));
    LicenseKey newest = stored(newKey().createdAt(TestData.T0.plusSeconds(20)));
    List<LicenseKey> tied = List.of(tiedA, tiedB).sortBy(LicenseKey::id);

    assertThat(listAll(LicenseKeyFilter.ALL))
        .containsExactly(newest, tied.get(0), tied.get(1), oldest);
  }

  @Test
  void pagesSplitTheListWithoutOverlap() {
    List<LicenseKey> keys =
        List.range(0, 7).map(i -> stored(newKey().createdAt(TestData.T0.plusSeconds(i))));

    Seq<LicenseKey> pages =
        List.range(0, 4).flatMap(number -> page(LicenseKeyFilter.ALL, new PageRequest(2, number)));

    assertThat(pages).containsExactlyElementsOf(keys.reverse());
    assertThat(page(LicenseKeyFilter.ALL, new PageRequest(0, 0))).isEmpty();
    assertThat(page(LicenseKeyFilter.ALL, new PageRequest(PageRequest.MAX_SIZE, Integer.MAX_VALUE)))
        .as("the last page there can be")
        .isEmpty();
  }

  @Test
  void listNeverShowsAnotherBusinesssKeys() {
    LicenseKey mine = stored(newKey());
    stored(newKey().business(TestData.OTHER_BUSINESS));

    assertThat(listAll(LicenseKeyFilter.ALL)).containsExactly(mine);
  }

  @Test
  void listFiltersByCustomerProductAndSource() {
    LicenseKey other = stored(newKey().customer("cus_other").product("pdt_other"));
    LicenseKey auto = stored(newKey().source(Source.AUTO));
    LicenseKey imported = stored(newKey().source(Source.IMPORT));

    assertThat(listAll(LicenseKeyFilter.ALL.withCustomerId("cus_other"))).containsExactly(other);
    assertThat(listAll(LicenseKeyFilter.ALL.withProductId("pdt_other"))).containsExactly(other);
    assertThat(listAll(LicenseKeyFilter.ALL.withSource(Source.AUTO))).containsExactly(auto);
    assertThat(listAll(LicenseKeyFilter.ALL.withSource(Source.IMPORT)))
        .containsExactlyInAnyOrder(imported, other);
  }

  @Test
  void listFiltersByStatusDerivedAtTheGivenMoment() {
    Instant now = clock.instant();
    LicenseKey active = stored(newKey().expiresAt(now.plus(1, ChronoUnit.MICROS)));
    LicenseKey expiresNow = stored(newKey().expiresAt(now));
    LicenseKey disabledAndExpired = stored(newKey().disabled(true).expiresAt(now.minusSeconds(9)));
    LicenseKey never = stored(newKey());

    assertThat(listAll(LicenseKeyFilter.ALL.withStatus(LicenseKeyStatus.ACTIVE)))
        .containsExactlyInAnyOrder(active, never);
    assertThat(listAll(LicenseKeyFilter.ALL.withStatus(LicenseKeyStatus.EXPIRED)))
        .containsExactly(expiresNow);
    assertThat(listAll(LicenseKeyFilter.ALL.withStatus(LicenseKeyStatus.DISABLED)))
        .containsExactly(disabledAndExpired);
  }

  @Test
  void listFiltersByCreationTimeBothBoundsIncluded() {
    LicenseKey before = stored(newKey().createdAt(TestData.T0.minusSeconds(1)));
    LicenseKey atStart = stored(newKey().createdAt(TestData.T0));
    LicenseKey atEnd = stored(newKey().createdAt(TestData.T0.plusSeconds(60)));
    LicenseKey after = stored(newKey().createdAt(TestData.T0.plusSeconds(61)));

    assertThat(
            listAll(
                LicenseKeyFilter.ALL
                    .withCreatedAtGte(TestData.T0)
                    .withCreatedAtLte(TestData.T0.plusSeconds(60))))
        .containsExactly(atEnd, atStart);
    assertThat(listAll(LicenseKeyFilter.ALL.withCreatedAtLte(TestData.T0.minusSeconds(1))))
        .containsExactly(before);
    assertThat(listAll(LicenseKeyFilter.ALL.withCreatedAtGte(TestData.T0.plusSeconds(61))))
        .containsExactly(after);
  }

  @Test
  void aCreationTimeBoundFinerThanTheStoredMicrosecondsIsComparedExactly() {
    Instant at = Instant.parse("2026-02-03T04:05:06.654321Z");
    LicenseKey key = stored(newKey().createdAt(at));
    Instant aNanoAfter = at.plusNanos(1);
    Instant aNanoBefore = at.minusNanos(1);

    assertThat(listAll(LicenseKeyFilter.ALL.withCreatedAtGte(aNanoAfter))).isEmpty();
    assertThat(listAll(LicenseKeyFilter.ALL.withCreatedAtLte(aNanoBefore))).isEmpty();
    assertThat(listAll(LicenseKeyFilter.ALL.withCreatedAtGte(aNanoBefore))).containsExactly(key);
    assertThat(listAll(LicenseKeyFilter.ALL.withCreatedAtLte(aNanoAfter))).containsExactly(key);
    assertThat(listAll(LicenseKeyFilter.ALL.withCreatedAtGte(at.plusNanos(999))))
        .as("a bound just under the next microsecond")
        .isEmpty();
    assertThat(listAll(LicenseKeyFilter.ALL.withCreatedAtLte(at.minusNanos(999)))).isEmpty();
  }

  @Test
  void aStatusAtAMomentBetweenTwoMicrosecondsIsDerivedAtThatMoment() {
    Instant expiry = clock.instant().plusSeconds(60);
    LicenseKey key = stored(newKey().expiresAt(expiry));

    clock.set(expiry.minusNanos(1));
    assertThat(listAll(LicenseKeyFilter.ALL.withStatus(LicenseKeyStatus.ACTIVE)))
        .containsExactly(key);
    assertThat(listAll(LicenseKeyFilter.ALL.withStatus(LicenseKeyStatus.EXPIRED))).isEmpty();
    clock.set(expiry.plusNanos(1));
    assertThat(listAll(LicenseKeyFilter.ALL.withStatus(LicenseKeyStatus.ACTIVE))).isEmpty();
    assertThat(listAll(LicenseKeyFilter.ALL.withStatus(LicenseKeyStatus.EXPIRED)))
        .containsExactly(key);
  }

  @Test
  void takingASeatStoresTheKeyTheInstanceAndTheEventAtOnce() {
    LicenseKey key = stored(newKey().limit(2));
    LicenseKeyInstance instance =
        TestData.instance(ports.ids().newInstanceId(), key, clock.instant());

    Either<LicenseKeyError, SeatTaken> seat =
        ports.licenseKeys().takeSeat(key.id(), locked -> seatFor(locked, instance));

    LicenseKey reloaded = ports.licenseKeys().findById(TestData.BUSINESS, key.id()).get();
    assertThat(seat.get().key()).isEqualTo(reloaded);
    assertThat(reloaded.instancesCount()).isEqualTo(1);
    assertThat(reloaded.version()).isEqualTo(key.version() + 1);
    assertThat(ports.instances().findById(TestData.BUSINESS, instance.id()))
        .containsExactly(instance);
    assertThat(ports.auditTrail().eventsOf(TestData.BUSINESS, key.id()).last().operation())
        .isEqualTo(AuditOperation.ACTIVATE);
  }

  @Test
  void aRefusedSeatWritesNothing() {
    LicenseKey key = stored(newKey().limit(0));

    LicenseKeyInstance instance =
        TestData.instance(ports.ids().newInstanceId(), key, clock.instant());

    Either<LicenseKeyError, SeatTaken> seat =
        ports.licenseKeys().takeSeat(key.id(), locked -> seatFor(locked, instance));

    assertThat(seat.getLeft()).isInstanceOf(LicenseKeyError.LimitReached.class);
    assertThat(ports.licenseKeys().findById(TestData.BUSINESS, key.id())).containsExactly(key);
    assertThat(ports.instances().list(TestData.BUSINESS, Option.some(key.id()), PageRequest.FIRST))
        .isEmpty();
  }

  @Test
  void takingASeatOfAnUnknownKeyIsNotFound() {
    Either<LicenseKeyError, SeatTaken> seat =
        ports
            .licenseKeys()
            .takeSeat(
                "lic_000000000000000000000",
                locked -> {
                  throw new AssertionError("nothing to decide on");
                });

    assertThat(seat.getLeft()).isInstanceOf(LicenseKeyError.NotFound.class);
  }

  @Test
  void releasingASeatRemovesTheInstanceAndFreesTheCountAtOnce() {
    LicenseKey key = stored(newKey().limit(1));
    String instanceId =
        services
            .licensing()
            .activate(new ActivateLicenseCommand(key.key(), "m1"))
            .get()
            .instance()
            .id();

    Either<LicenseKeyError, SeatReleased> released =
        ports.licenseKeys().releaseSeat(key.id(), instanceId, locked -> release(locked));

    LicenseKey reloaded = ports.licenseKeys().findById(TestData.BUSINESS, key.id()).get();
    assertThat(released.get().key()).isEqualTo(reloaded);
    assertThat(reloaded.instancesCount()).isZero();
    assertThat(reloaded.version()).isEqualTo(key.version() + 2);
    assertThat(ports.instances().findById(TestData.BUSINESS, instanceId)).isEmpty();
  }

  @Test
  void releasingAnInstanceOfAnotherKeyChangesNothing() {
    LicenseKey mine = stored(newKey());
    LicenseKey other = stored(newKey());
    String othersInstance =
        services
            .licensing()
            .activate(new ActivateLicenseCommand(other.key(), "m"))
            .get()
            .instance()
            .id();

    Either<LicenseKeyError, SeatReleased> released =
        ports.licenseKeys().releaseSeat(mine.id(), othersInstance, locked -> release(locked));
    Either<LicenseKeyError, SeatReleased> unknown =
        ports
            .licenseKeys()
            .releaseSeat(mine.id(), "lki_000000000000000000000", locked -> release(locked));

    assertThat(released.getLeft()).isInstanceOf(LicenseKeyError.InstanceNotOfLicenseKey.class);
    assertThat(unknown.getLeft()).isInstanceOf(LicenseKeyError.InstanceNotOfLicenseKey.class);
    assertThat(ports.instances().findById(TestData.BUSINESS, othersInstance)).isNotEmpty();
    assertThat(ports.licenseKeys().findById(TestData.BUSINESS, other.id()).get().instancesCount())
        .isEqualTo(1);
  }

  private Either<LicenseKeyError, SeatTaken> seatFor(
      LicenseKey locked, LicenseKeyInstance instance) {
    return locked
        .takeSeat(clock.instant())
        .map(
            taken ->
                new SeatTaken(
                    taken,
                    instance,
                    AuditEvent.keyChanged(
                        AuditOperation.ACTIVATE, locked, taken, clock.instant(), Option.none())));
  }

  private SeatReleased release(LicenseKey locked) {
    LicenseKey released = locked.releaseSeat();
    return new SeatReleased(
        released,
        AuditEvent.keyChanged(
            AuditOperation.DEACTIVATE, locked, released, clock.instant(), Option.none()));
  }

  private Seq<LicenseKey> listAll(LicenseKeyFilter filter) {
    return page(filter, new PageRequest(100, 0));
  }

  private Seq<LicenseKey> page(LicenseKeyFilter filter, PageRequest page) {
    return ports.licenseKeys().list(TestData.BUSINESS, filter, page, clock.instant());
  }

  private AuditEvent updated(LicenseKey before, LicenseKey after) {
    return AuditEvent.keyChanged(
        AuditOperation.UPDATE, before, after, clock.instant(), Option.some("key_test"));
  }

  private static LicenseKeyPatch limitPatch(int limit) {
    return LicenseKeyPatch.KEEP_ALL.withActivationsLimit(Change.set(limit));
  }
}

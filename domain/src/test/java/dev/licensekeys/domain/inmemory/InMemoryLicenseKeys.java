package dev.licensekeys.domain.inmemory;

import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.LicenseKeyError;
import dev.licensekeys.domain.model.LicenseKeyFilter;
import dev.licensekeys.domain.model.ListOrder;
import dev.licensekeys.domain.model.PageRequest;
import dev.licensekeys.domain.port.out.KeyChange;
import dev.licensekeys.domain.port.out.LicenseKeys;
import dev.licensekeys.domain.port.out.SeatReleased;
import dev.licensekeys.domain.port.out.SeatTaken;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.function.Function;

public final class InMemoryLicenseKeys implements LicenseKeys {

  private final InMemoryState state;

  InMemoryLicenseKeys(InMemoryState state) {
    this.state = state;
  }

  @Override
  public Option<LicenseKey> findById(String businessId, String licenseKeyId) {
    return Option.of(state.keysById.get(licenseKeyId))
        .filter(key -> key.businessId().equals(businessId));
  }

  @Override
  public Option<LicenseKey> findByKey(String key) {
    synchronized (state) {
      return Option.of(state.keyIdsByKeyString.get(key)).map(state.keysById::get);
    }
  }

  @Override
  public Seq<LicenseKey> list(
      String businessId, LicenseKeyFilter filter, PageRequest page, Instant now) {
    synchronized (state) {
      return List.ofAll(state.keysById.values())
          .filter(key -> key.businessId().equals(businessId) && filter.matches(key, now))
          .sorted(ListOrder.LICENSE_KEYS)
          .drop(Math.toIntExact(Math.min(page.offset(), Integer.MAX_VALUE)))
          .take(page.size());
    }
  }

  @Override
  public Either<LicenseKeyError, LicenseKey> add(LicenseKey key, AuditEvent event) {
    synchronized (state) {
      if (state.keyIdsByKeyString.containsKey(key.key())) {
        return Either.left(new LicenseKeyError.LicenseKeyAlreadyExists());
      }
      if (state.keysById.containsKey(key.id())) {
        throw new IllegalStateException("license key id used twice: " + key.id());
      }
      state.keysById.put(key.id(), key);
      state.keyIdsByKeyString.put(key.key(), key.id());
      state.auditLog.append(event);
      return Either.right(key);
    }
  }

  @Override
  public Option<LicenseKey> save(LicenseKey changed, AuditEvent event) {
    synchronized (state) {
      LicenseKey stored = state.keysById.get(changed.id());
      if (stored == null || stored.version() != changed.version()) {
        return Option.none();
      }
      LicenseKey saved = changed.withVersion(changed.version() + 1);
      state.keysById.put(saved.id(), saved);
      state.auditLog.append(event);
      return Option.some(saved);
    }
  }

  @Override
  public Either<LicenseKeyError, LicenseKey> saveLocked(
      String businessId,
      String licenseKeyId,
      Function<LicenseKey, Either<LicenseKeyError, KeyChange>> decide) {
    synchronized (state) {
      return findById(businessId, licenseKeyId)
          .toEither(
              () -> LicenseKeyError.NotFound.of(LicenseKeyError.Resource.LICENSE_KEY, licenseKeyId))
          .flatMap(decide)
          .map(
              change -> {
                if (change.changesNothing()) {
                  return change.before();
                }
                LicenseKey saved = change.after().withVersion(change.after().version() + 1);
                state.keysById.put(saved.id(), saved);
                state.auditLog.append(change.event());
                return saved;
              });
    }
  }

  @Override
  public Either<LicenseKeyError, SeatTaken> takeSeat(
      String licenseKeyId, Function<LicenseKey, Either<LicenseKeyError, SeatTaken>> decide) {
    synchronized (state) {
      return current(licenseKeyId)
          .flatMap(decide)
          .map(
              seat -> {
                LicenseKey saved = seat.key().withVersion(seat.key().version() + 1);
                state.keysById.put(saved.id(), saved);
                state.instancesById.put(seat.instance().id(), seat.instance());
                state.auditLog.append(seat.event());
                return new SeatTaken(saved, seat.instance(), seat.event());
              });
    }
  }

  @Override
  public Either<LicenseKeyError, SeatReleased> releaseSeat(
      String licenseKeyId, String instanceId, Function<LicenseKey, SeatReleased> decide) {
    synchronized (state) {
      return current(licenseKeyId)
          .filterOrElse(
              key ->
                  Option.of(state.instancesById.get(instanceId))
                      .exists(instance -> instance.licenseKeyId().equals(licenseKeyId)),
              key -> new LicenseKeyError.InstanceNotOfLicenseKey(licenseKeyId, instanceId))
          .map(
              key -> {
                SeatReleased released = decide.apply(key);
                LicenseKey saved = released.key().withVersion(released.key().version() + 1);
                state.keysById.put(saved.id(), saved);
                state.instancesById.remove(instanceId);
                state.auditLog.append(released.event());
                return new SeatReleased(saved, released.event());
              });
    }
  }

  private Either<LicenseKeyError, LicenseKey> current(String licenseKeyId) {
    return Option.of(state.keysById.get(licenseKeyId))
        .toEither(
            () -> LicenseKeyError.NotFound.of(LicenseKeyError.Resource.LICENSE_KEY, licenseKeyId));
  }
}

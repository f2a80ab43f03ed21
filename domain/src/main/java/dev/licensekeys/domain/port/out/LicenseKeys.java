package dev.licensekeys.domain.port.out;

import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.LicenseKeyError;
import dev.licensekeys.domain.model.LicenseKeyFilter;
import dev.licensekeys.domain.model.PageRequest;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.function.Function;

/** Where license keys live. Every write stores its audit event in the same transaction. */
public interface LicenseKeys {

  Option<LicenseKey> findById(String businessId, String licenseKeyId);

  /** Looks a key up by its secret string, across every business: the string is unique. */
  Option<LicenseKey> findByKey(String key);

  /** One page of a business's keys that match {@code filter} at {@code now}, in list order. */
  Seq<LicenseKey> list(String businessId, LicenseKeyFilter filter, PageRequest page, Instant now);

  /** Stores a new key; {@code LicenseKeyAlreadyExists} when its key string is taken. */
  Either<LicenseKeyError, LicenseKey> add(LicenseKey key, AuditEvent event);

  /**
   * Stores {@code changed} if the stored key is still at {@code changed.version()}, and returns it
   * at the next version. None when another writer got there first, or the key is gone: the caller
   * reloads and decides again.
   */
  Option<LicenseKey> save(LicenseKey changed, AuditEvent event);

  /**
   * The path that cannot lose a race: holds the key of {@code businessId} against every other
   * writer while {@code decide} looks at its current state, then stores the change decided, with
   * its event, at the next version (nothing when it changes nothing). {@code NotFound} when there
   * is no such key in that business. {@code decide} must be quick and have no side effects.
   */
  Either<LicenseKeyError, LicenseKey> saveLocked(
      String businessId,
      String licenseKeyId,
      Function<LicenseKey, Either<LicenseKeyError, KeyChange>> decide);

  /**
   * Holds the key against every other writer, in this process or any other, while {@code decide}
   * looks at its current state; then stores the key, the new instance and the event at once, at the
   * next version. {@code decide} must be quick and have no side effects.
   */
  Either<LicenseKeyError, SeatTaken> takeSeat(
      String licenseKeyId, Function<LicenseKey, Either<LicenseKeyError, SeatTaken>> decide);

  /**
   * Like {@link #takeSeat}: removes instance {@code instanceId} and stores the key {@code decide}
   * returns, at once. {@code InstanceNotOfLicenseKey} when the instance is missing or belongs to
   * another key; {@code NotFound} when the key is gone.
   */
  Either<LicenseKeyError, SeatReleased> releaseSeat(
      String licenseKeyId, String instanceId, Function<LicenseKey, SeatReleased> decide);
}

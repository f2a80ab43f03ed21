package dev.licensekeys.domain.model;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * A record of one successful change, stored in the same transaction as the change itself. {@code
 * apiKeyId} is none for the public {@code /licenses/*} endpoints, which need no API key.
 */
public record AuditEvent(
    String businessId,
    String subjectId,
    AuditOperation operation,
    Seq<FieldChange> changes,
    Instant at,
    Option<String> apiKeyId) {

  public AuditEvent {
    Ids.requireText(businessId, "businessId");
    Ids.requireText(subjectId, "subjectId");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(changes, "changes");
    at = Timestamps.micros(at);
    Objects.requireNonNull(apiKeyId, "apiKeyId");
  }

  /** The fields that differ between two states of one key. The key string is never recorded. */
  public static AuditEvent keyChanged(
      AuditOperation operation,
      LicenseKey before,
      LicenseKey after,
      Instant at,
      Option<String> apiKeyId) {
    Seq<FieldChange> changes =
        List.of(
                change("activations_limit", before, after, LicenseKey::activationsLimit),
                change("disabled", before, after, key -> Option.some(key.disabled())),
                change("expires_at", before, after, LicenseKey::expiresAt),
                change("instances_count", before, after, key -> Option.some(key.instancesCount())))
            .flatMap(Function.identity());
    return new AuditEvent(before.businessId(), before.id(), operation, changes, at, apiKeyId);
  }

  /** Every recorded field of a key that did not exist before. */
  public static AuditEvent keyCreated(LicenseKey created, Instant at, Option<String> apiKeyId) {
    Seq<FieldChange> changes =
        List.of(
            created("customer_id", Option.some(created.customerId())),
            created("product_id", Option.some(created.productId())),
            created("source", Option.some(created.source())),
            created("activations_limit", created.activationsLimit()),
            created("disabled", Option.some(created.disabled())),
            created("expires_at", created.expiresAt()),
            created("instances_count", Option.some(created.instancesCount())));
    return new AuditEvent(
        created.businessId(), created.id(), AuditOperation.IMPORT, changes, at, apiKeyId);
  }

  public static AuditEvent instanceRenamed(
      LicenseKeyInstance before, LicenseKeyInstance after, Instant at, Option<String> apiKeyId) {
    return new AuditEvent(
        before.businessId(),
        before.id(),
        AuditOperation.RENAME_INSTANCE,
        List.of(new FieldChange("name", Option.some(before.name()), Option.some(after.name()))),
        at,
        apiKeyId);
  }

  public AuditEvent with(FieldChange change) {
    return new AuditEvent(businessId, subjectId, operation, changes.append(change), at, apiKeyId);
  }

  private static Option<FieldChange> change(
      String field, LicenseKey before, LicenseKey after, Function<LicenseKey, Option<?>> value) {
    Option<?> old = value.apply(before);
    Option<?> now = value.apply(after);
    return old.equals(now)
        ? Option.none()
        : Option.some(new FieldChange(field, old.map(String::valueOf), now.map(String::valueOf)));
  }

  private static FieldChange created(String field, Option<?> value) {
    return new FieldChange(field, Option.none(), value.map(String::valueOf));
  }
}

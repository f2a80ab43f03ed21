package dev.licensekeys.domain.model;

import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * Every business failure of SPEC sections 3 to 5, as a value. Transport failures (malformed JSON,
 * wrong content type, missing credentials) belong to the HTTP adapter, not here.
 */
public sealed interface LicenseKeyError {

  /** No such resource in the caller's business (or at all, for the public endpoints). */
  record NotFound(Resource resource, Option<String> id) implements LicenseKeyError {
    public NotFound {
      Objects.requireNonNull(resource, "resource");
      Objects.requireNonNull(id, "id");
    }

    public static LicenseKeyError of(Resource resource, String id) {
      return new NotFound(resource, Option.some(id));
    }

    /** For a license key looked up by its secret string, which is never repeated. */
    public static LicenseKeyError licenseKeyByKey() {
      return new NotFound(Resource.LICENSE_KEY, Option.none());
    }
  }

  /** Activation asked of a key that is disabled or expired. */
  record InactiveLicenseKey(String licenseKeyId, LicenseKeyStatus status)
      implements LicenseKeyError {}

  /** Activation asked of a key whose every seat is taken. */
  record LimitReached(String licenseKeyId, int activationsLimit) implements LicenseKeyError {}

  /** Deactivation of an instance that is missing or belongs to another key. */
  record InstanceNotOfLicenseKey(String licenseKeyId, String instanceId)
      implements LicenseKeyError {}

  /** Import of a key string that is already taken; the string itself is never repeated. */
  record LicenseKeyAlreadyExists() implements LicenseKeyError {}

  /** A patch broke one or more rules; nothing changed. Never empty. */
  record PatchRejected(String licenseKeyId, Seq<PatchViolation> violations)
      implements LicenseKeyError {
    public PatchRejected {
      if (violations.isEmpty()) {
        throw new IllegalArgumentException("a rejected patch names at least one violation");
      }
    }
  }

  /** A request body field was refused; nothing changed. Never empty. */
  record InvalidInput(Seq<FieldProblem> problems) implements LicenseKeyError {
    public InvalidInput {
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("invalid input names at least one problem");
      }
    }
  }

  /** A list query parameter was refused. Never empty. */
  record InvalidQuery(Seq<FieldProblem> problems) implements LicenseKeyError {
    public InvalidQuery {
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("an invalid query names at least one problem");
      }
    }
  }

  /** The caller asked to change a version of the key that is no longer the current one. */
  record VersionMismatch(String licenseKeyId, long expected, long current)
      implements LicenseKeyError {}

  enum Resource {
    LICENSE_KEY("license key"),
    LICENSE_KEY_INSTANCE("license key instance"),
    CUSTOMER("customer"),
    PRODUCT("product");

    private final String label;

    Resource(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** A sentence for a person; it never contains a license key string. */
  default String message() {
    return switch (this) {
      case NotFound e ->
          e.resource().label() + " not found" + e.id().map(id -> ": " + id).getOrElse("");
      case InactiveLicenseKey e ->
          "license key " + e.licenseKeyId() + " is " + e.status().name().toLowerCase();
      case LimitReached e ->
          "license key " + e.licenseKeyId() + " has reached its limit of " + e.activationsLimit();
      case InstanceNotOfLicenseKey e ->
          "license key instance " + e.instanceId() + " is not an instance of this license key";
      case LicenseKeyAlreadyExists e -> "a license key with this key string already exists";
      case PatchRejected e -> e.violations().map(PatchViolation::message).mkString("; ");
      case InvalidInput e -> e.problems().mkString("; ");
      case InvalidQuery e -> e.problems().mkString("; ");
      case VersionMismatch e ->
          "license key "
              + e.licenseKeyId()
              + " is at version "
              + e.current()
              + ", not "
              + e.expected();
    };
  }
}

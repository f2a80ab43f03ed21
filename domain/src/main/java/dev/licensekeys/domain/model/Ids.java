package dev.licensekeys.domain.model;

/** The shapes of the identifiers this domain hands out, and guards for the ones it receives. */
public final class Ids {

  public static final String LICENSE_KEY_PREFIX = "lic_";
  public static final String INSTANCE_PREFIX = "lki_";
  public static final int RANDOM_PART_LENGTH = 21;
  public static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private Ids() {}

  public static boolean isLicenseKeyId(String candidate) {
    return hasShape(candidate, LICENSE_KEY_PREFIX);
  }

  public static boolean isInstanceId(String candidate) {
    return hasShape(candidate, INSTANCE_PREFIX);
  }

  /** The prefix, then 21 base62 characters; by hand, since every record built checks it. */
  private static boolean hasShape(String candidate, String prefix) {
    if (candidate == null
        || candidate.length() != prefix.length() + RANDOM_PART_LENGTH
        || !candidate.startsWith(prefix)) {
      return false;
    }
    for (int i = prefix.length(); i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      boolean base62 = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      if (!base62) {
        return false;
      }
    }
    return true;
  }

  static void requireLicenseKeyId(String id) {
    if (!isLicenseKeyId(id)) {
      throw new IllegalArgumentException("not a license key id: " + id);
    }
  }

  static void requireInstanceId(String id) {
    if (!isInstanceId(id)) {
      throw new IllegalArgumentException("not a license key instance id: " + id);
    }
  }

  static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}

package dev.licensekeys.domain.model;

import java.util.Arrays;

/** The shapes of the identifiers this domain hands out, and guards for the ones it receives. */
public final class Ids {

  public static final String LICENSE_KEY_PREFIX = "lic_";
  public static final String INSTANCE_PREFIX = "lki_";
  public static final int RANDOM_PART_LENGTH = 21;
  public static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  /** 1 for each ASCII character that is not base62, 0 for the 62 that are. */
  private static final byte[] NOT_BASE62 = notBase62();

  private Ids() {}

  public static boolean isLicenseKeyId(String candidate) {
    return hasShape(candidate, LICENSE_KEY_PREFIX);
  }

  public static boolean isInstanceId(String candidate) {
    return hasShape(candidate, INSTANCE_PREFIX);
  }

  /**
   * The prefix, then 21 base62 characters; by hand, since every record built checks it. The loop
   * looks each character up instead of comparing it with ranges: random characters made those
   * comparisons' branches guess wrong, which cost more than the rest of the check.
   */
  private static boolean hasShape(String candidate, String prefix) {
    if (candidate == null
        || candidate.length() != prefix.length() + RANDOM_PART_LENGTH
        || !candidate.startsWith(prefix)) {
      return false;
    }
    int misfits = 0;
    for (int i = prefix.length(); i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      misfits |= (c >>> 7) | NOT_BASE62[c & 0x7F];
    }
    return misfits == 0;
  }

  private static byte[] notBase62() {
    byte[] table = new byte[128];
    Arrays.fill(table, (byte) 1);
    for (char c : BASE62.toCharArray()) {
      table[c] = 0;
    }
    return table;
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

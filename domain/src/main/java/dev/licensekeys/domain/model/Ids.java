package dev.licensekeys.domain.model;

import java.util.regex.Pattern;

/** The shapes of the identifiers this domain hands out, and guards for the ones it receives. */
public final class Ids {

  public static final String LICENSE_KEY_PREFIX = "lic_";
  public static final String INSTANCE_PREFIX = "lki_";
  public static final int RANDOM_PART_LENGTH = 21;
  public static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private static final Pattern LICENSE_KEY_ID = Pattern.compile("lic_[0-9A-Za-z]{21}");
  private static final Pattern INSTANCE_ID = Pattern.compile("lki_[0-9A-Za-z]{21}");

  private Ids() {}

  public static boolean isLicenseKeyId(String candidate) {
    return candidate != null && LICENSE_KEY_ID.matcher(candidate).matches();
  }

  public static boolean isInstanceId(String candidate) {
    return candidate != null && INSTANCE_ID.matcher(candidate).matches();
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

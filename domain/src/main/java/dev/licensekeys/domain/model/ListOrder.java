package dev.licensekeys.domain.model;

import java.util.Comparator;

/** The one order of every list: newest first, then by id, so that pages never overlap. */
public final class ListOrder {

  public static final Comparator<LicenseKey> LICENSE_KEYS =
      Comparator.comparing(LicenseKey::createdAt).reversed().thenComparing(LicenseKey::id);

  public static final Comparator<LicenseKeyInstance> INSTANCES =
      Comparator.comparing(LicenseKeyInstance::createdAt)
          .reversed()
          .thenComparing(LicenseKeyInstance::id);

  private ListOrder() {}
}

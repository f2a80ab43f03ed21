package dev.licensekeys.domain.port.out;

/** Hands out new, never used ids: {@code lic_} or {@code lki_} and 21 base62 characters. */
public interface IdGenerator {

  String newLicenseKeyId();

  String newInstanceId();
}

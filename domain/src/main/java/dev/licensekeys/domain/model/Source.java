package dev.licensekeys.domain.model;

/** Where a license key came from. */
public enum Source {
  /** Made by a payment or subscription flow. */
  AUTO,
  /** Imported by the merchant through the API or the operator CLI. */
  IMPORT,
  /** Made by hand by the merchant. */
  MANUAL
}

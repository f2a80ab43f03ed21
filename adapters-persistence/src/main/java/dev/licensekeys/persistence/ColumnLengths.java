package dev.licensekeys.persistence;

/**
 * The schema's text column lengths, for input that must be checked against them before an insert
 * (the operator's options and import files): a database's "value too long" would end a command as
 * if the database were at fault. {@code ColumnLengthsTest} holds them to the migrated schema.
 */
public final class ColumnLengths {

  /** Business, brand, customer, product, payment and subscription ids. */
  public static final int ID = 64;

  /** Names, labels and key strings. */
  public static final int TEXT = 255;

  private ColumnLengths() {}
}

package dev.licensekeys.app;

/**
 * The schema's text column lengths, for the operator's input, which is checked against them before
 * any insert: a database's "value too long" would end a command as if the database were at fault.
 */
final class ColumnLengths {

  /** Business, brand, customer, product, payment and subscription ids. */
  static final int ID = 64;

  /** Names, labels and key strings. */
  static final int TEXT = 255;

  private ColumnLengths() {}
}

package dev.licensekeys.app;

import io.vavr.control.Option;

/**
 * The operator's text options, checked before they reach a column that would refuse them: a
 * database's "value too long" would otherwise end the command as if the database were at fault.
 */
final class OptionText {

  /** The id columns' length (business and brand ids). */
  static final int ID_MAX = 64;

  /** An API key's label column's length. */
  static final int NAME_MAX = 255;

  private OptionText() {}

  /** What is wrong with {@code value} given as {@code option}, in one line, if anything. */
  static Option<String> problem(String option, String value, int max) {
    return value.isBlank() || value.length() > max
        ? Option.some("license-keys: " + option + " must be 1 to " + max + " characters, not blank")
        : Option.none();
  }
}

package dev.licensekeys.app;

import io.vavr.control.Option;

/**
 * The operator's text options, checked against their columns' lengths ({@link
 * dev.licensekeys.persistence.ColumnLengths}).
 */
final class OptionText {

  private OptionText() {}

  /** What is wrong with {@code value} given as {@code option}, in one line, if anything. */
  static Option<String> problem(String option, String value, int max) {
    return value.isBlank() || value.length() > max
        ? Option.some("license-keys: " + option + " must be 1 to " + max + " characters, not blank")
        : Option.none();
  }
}

package dev.licensekeys.domain.service;

import dev.licensekeys.domain.model.FieldProblem;
import dev.licensekeys.domain.model.LicenseKeyError;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;

/** Checks of the text fields commands carry, reported all at once. */
final class Inputs {

  static final int TEXT_MAX_LENGTH = 255;

  private Inputs() {}

  static Validation<FieldProblem, String> text(String field, String value) {
    if (value == null || value.isBlank()) {
      return Validation.invalid(new FieldProblem(field, "must not be blank"));
    }
    if (value.length() > TEXT_MAX_LENGTH) {
      return Validation.invalid(
          new FieldProblem(field, "must be at most " + TEXT_MAX_LENGTH + " characters"));
    }
    return Validation.valid(value);
  }

  static <T> Either<LicenseKeyError, T> orInvalidInput(Validation<Seq<FieldProblem>, T> checked) {
    return checked.mapError(LicenseKeyError.InvalidInput::new).toEither().mapLeft(e -> e);
  }

  static <T> Either<LicenseKeyError, T> orInvalidQuery(Validation<Seq<FieldProblem>, T> checked) {
    return checked.mapError(LicenseKeyError.InvalidQuery::new).toEither().mapLeft(e -> e);
  }
}

package dev.licensekeys.domain.model;

import io.vavr.control.Option;
import java.util.Objects;

/** One field's value before and after a change, as text; none stands for null. */
public record FieldChange(String field, Option<String> before, Option<String> after) {
  public FieldChange {
    Ids.requireText(field, "field");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }
}

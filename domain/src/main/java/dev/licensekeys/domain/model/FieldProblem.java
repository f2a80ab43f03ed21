package dev.licensekeys.domain.model;

/**
 * One reason why one named input field was refused, for example {@code name: must not be blank}.
 */
public record FieldProblem(String field, String reason) {
  public FieldProblem {
    Ids.requireText(field, "field");
    Ids.requireText(reason, "reason");
  }

  @Override
  public String toString() {
    return field + ": " + reason;
  }
}

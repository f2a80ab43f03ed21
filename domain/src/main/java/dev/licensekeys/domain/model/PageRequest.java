package dev.licensekeys.domain.model;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;

/** One page of a list: {@code size} items (0 to 100) after skipping {@code number} pages. */
public record PageRequest(int size, int number) {

  public static final int MAX_SIZE = 100;
  public static final PageRequest FIRST = new PageRequest(10, 0);

  public PageRequest {
    if (size < 0 || size > MAX_SIZE || number < 0) {
      throw new IllegalArgumentException("page size 0.." + MAX_SIZE + ", page number 0 or more");
    }
  }

  public static Validation<Seq<FieldProblem>, PageRequest> of(int size, int number) {
    Seq<FieldProblem> problems = List.empty();
    if (size < 0 || size > MAX_SIZE) {
      problems = problems.append(new FieldProblem("page_size", "must be 0 to " + MAX_SIZE));
    }
    if (number < 0) {
      problems = problems.append(new FieldProblem("page_number", "must be 0 or more"));
    }
    return problems.isEmpty()
        ? Validation.valid(new PageRequest(size, number))
        : Validation.invalid(problems);
  }

  /** How many items come before this page; a long, since size times number may pass int32. */
  public long offset() {
    return (long) size * number;
  }
}

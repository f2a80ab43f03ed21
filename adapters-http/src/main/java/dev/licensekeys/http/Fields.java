package dev.licensekeys.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensekeys.domain.patch.Change;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the fields of one JSON object strictly, collecting a problem per bad field rather than
 * stopping at the first: no unknown fields, no coercion ({@code "5"}, {@code 5.5}, {@code 1e3} or
 * {@code true} are not integers), RFC 3339 date-times, text that every database stores as sent.
 * Then the record's Jakarta constraints run on the fields that were well typed.
 */
final class Fields {

  private final ObjectNode object;
  private final Map<String, String> problems = new LinkedHashMap<>();

  Fields(ObjectNode object, Set<String> allowed) {
    this.object = object;
    Iterator<String> names = object.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        problems.put(name, "is not a known field");
      }
    }
  }

  String requiredText(String name) {
    JsonNode node = object.get(name);
    if (node == null || node.isNull()) {
      problems.put(name, "is required");
      return null;
    }
    return text(name, node);
  }

  String optionalText(String name) {
    JsonNode node = object.get(name);
    return node == null || node.isNull() ? null : text(name, node);
  }

  Integer optionalInt32(String name) {
    JsonNode node = object.get(name);
    return node == null || node.isNull() ? null : int32(name, node);
  }

  OffsetDateTime optionalDateTime(String name) {
    JsonNode node = object.get(name);
    return node == null || node.isNull() ? null : dateTime(name, node);
  }

  /** Absent is Keep, {@code null} is Clear, a value is Set. */
  Change<Integer> int32Change(String name) {
    return change(name, node -> int32(name, node));
  }

  Change<OffsetDateTime> dateTimeChange(String name) {
    return change(name, node -> dateTime(name, node));
  }

  /** Absent and {@code null} are both Keep: a boolean is never cleared. */
  Change<Boolean> booleanKeptOnNull(String name) {
    JsonNode node = object.get(name);
    if (node == null || node.isNull()) {
      return Change.keep();
    }
    if (!node.isBoolean()) {
      problems.put(name, "must be true, false or null");
      return Change.keep();
    }
    return Change.set(node.booleanValue());
  }

  /**
   * The record, if every field was well typed and it meets its constraints; else one 422 naming
   * every offending field.
   */
  <T> Either<HttpError, T> build(Supplier<T> record, Validator validator) {
    T built = record.get();
    for (ConstraintViolation<T> violation : validator.validate(built)) {
      String field = snakeCase(violation.getPropertyPath().iterator().next().getName());
      problems.putIfAbsent(field, violation.getMessage());
    }
    if (problems.isEmpty()) {
      return Either.right(built);
    }
    java.util.List<String> named = new ArrayList<>();
    problems.forEach((field, problem) -> named.add(field + ": " + problem));
    return Either.left(HttpError.invalidBody(String.join("; ", named)));
  }

  private <T> Change<T> change(String name, java.util.function.Function<JsonNode, T> read) {
    JsonNode node = object.get(name);
    if (node == null) {
      return Change.keep();
    }
    if (node.isNull()) {
      return Change.clear();
    }
    T value = read.apply(node);
    return value == null ? Change.keep() : Change.set(value);
  }

  private String text(String name, JsonNode node) {
    if (!node.isTextual()) {
      problems.put(name, "must be a string");
      return null;
    }
    String value = node.textValue();
    Option<String> unstorable = StorableText.problem(value);
    unstorable.forEach(message -> problems.put(name, message));
    return unstorable.isEmpty() ? value : null;
  }

  private Integer int32(String name, JsonNode node) {
    if (!node.isIntegralNumber()) {
      problems.put(name, "must be an integer, without fraction or exponent");
      return null;
    }
    if (!node.canConvertToInt()) {
      // The API's only integer, activations_limit, is never negative: a number below int32 is
      // named as -1 would be, not with a lower bound it could not take anyway.
      problems.put(
          name,
          node.bigIntegerValue().signum() > 0
              ? "must be at most 2147483647"
              : "must be greater than or equal to 0");
      return null;
    }
    return node.intValue();
  }

  private OffsetDateTime dateTime(String name, JsonNode node) {
    if (!node.isTextual()) {
      problems.put(name, "must be an RFC 3339 date-time string");
      return null;
    }
    try {
      return DateTimes.parse(node.textValue());
    } catch (DateTimeParseException e) {
      problems.put(name, DateTimes.problemWith(node.textValue()));
      return null;
    }
  }

  static String snakeCase(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}

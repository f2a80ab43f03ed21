package dev.licensekeys.http;

import dev.licensekeys.domain.model.Caller;
import dev.licensekeys.domain.model.LicenseKeyFilter;
import dev.licensekeys.domain.model.LicenseKeyStatus;
import dev.licensekeys.domain.model.PageRequest;
import dev.licensekeys.domain.model.Source;
import dev.licensekeys.domain.port.in.ListLicenseKeyInstancesQuery;
import dev.licensekeys.domain.port.in.ListLicenseKeysQuery;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** List query parameters, read strictly; every bad one is named in one 422. */
final class QueryParameters {

  private final Function<String, List<String>> values;
  private final List<String> problems = new ArrayList<>();

  private QueryParameters(Function<String, List<String>> values) {
    this.values = values;
  }

  static Either<HttpError, ListLicenseKeysQuery> licenseKeys(
      Function<String, List<String>> values, Caller caller) {
    QueryParameters query = new QueryParameters(values);
    int size = query.integer("page_size", PageRequest.FIRST.size(), PageRequest.MAX_SIZE);
    int number = query.integer("page_number", 0, Integer.MAX_VALUE);
    LicenseKeyFilter filter =
        new LicenseKeyFilter(
            query.text("customer_id"),
            query.text("product_id"),
            query.oneOf("status", LicenseKeyStatus.class),
            query.oneOf("source", Source.class),
            query.instant("created_at_gte"),
            query.instant("created_at_lte"));
    return query.result(() -> new ListLicenseKeysQuery(caller, filter, size, number));
  }

  static Either<HttpError, ListLicenseKeyInstancesQuery> instances(
      Function<String, List<String>> values, Caller caller) {
    QueryParameters query = new QueryParameters(values);
    int size = query.integer("page_size", PageRequest.FIRST.size(), PageRequest.MAX_SIZE);
    int number = query.integer("page_number", 0, Integer.MAX_VALUE);
    Option<String> licenseKeyId = query.text("license_key_id");
    return query.result(() -> new ListLicenseKeyInstancesQuery(caller, licenseKeyId, size, number));
  }

  private <T> Either<HttpError, T> result(java.util.function.Supplier<T> query) {
    return problems.isEmpty()
        ? Either.right(query.get())
        : Either.left(HttpError.invalidQuery(String.join("; ", problems)));
  }

  // A parameter given twice is refused, not read as its first value: a client that sends
  // status=active&status=expired would otherwise get a list it did not ask for.
  private Option<String> value(String name) {
    List<String> given = values.apply(name);
    if (given.size() > 1) {
      problems.add(name + ": must be given once, not " + given.size() + " times");
      return Option.none();
    }
    return given.isEmpty() ? Option.none() : Option.some(given.get(0));
  }

  private int integer(String name, int fallback, int max) {
    Option<String> value = value(name);
    if (value.isEmpty()) {
      return fallback;
    }
    // Ten digits at most, so that any of them parses as a long and compares with max.
    long number = value.get().matches("[0-9]{1,10}") ? Long.parseLong(value.get()) : -1;
    if (number < 0 || number > max) {
      problems.add(name + ": must be a whole number from 0 to " + max);
      return fallback;
    }
    return (int) number;
  }

  private Option<String> text(String name) {
    Option<String> value = value(name);
    if (value.exists(text -> text.isBlank() || text.length() > 64 || text.indexOf('\0') >= 0)) {
      problems.add(name + ": must be an id of 1 to 64 characters, not blank");
      return Option.none();
    }
    return value;
  }

  private <E extends Enum<E>> Option<E> oneOf(String name, Class<E> type) {
    Option<String> value = value(name);
    if (value.isEmpty()) {
      return Option.none();
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().toLowerCase(Locale.ROOT).equals(value.get())) {
        return Option.some(constant);
      }
    }
    List<String> allowed = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      allowed.add(constant.name().toLowerCase(Locale.ROOT));
    }
    problems.add(name + ": must be one of " + String.join(", ", allowed));
    return Option.none();
  }

  private Option<Instant> instant(String name) {
    Option<String> value = value(name);
    if (value.isEmpty()) {
      return Option.none();
    }
    try {
      return Option.some(DateTimes.parse(value.get()).toInstant());
    } catch (DateTimeParseException e) {
      // A query decodes an unescaped + as a space, so an offset such as +01:00 arrives as " 01:00".
      String hint = value.get().indexOf(' ') >= 0 ? " (send a + in a query as %2B)" : "";
      problems.add(name + ": " + DateTimes.problemWith(value.get()) + hint);
      return Option.none();
    }
  }
}

package dev.licensekeys.domain.patch;

import io.vavr.control.Option;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a patch does to one field: leave it as it is, clear it, or set it to a value.
 *
 * <p>Refer to the variant as {@code Change.Set}; importing it would shadow {@code java.util.Set}.
 */
public sealed interface Change<T> {

  record Keep<T>() implements Change<T> {}

  record Clear<T>() implements Change<T> {}

  record Set<T>(T value) implements Change<T> {
    public Set {
      Objects.requireNonNull(value, "Set(null) is spelled Clear");
    }
  }

  static <T> Change<T> keep() {
    return new Keep<>();
  }

  static <T> Change<T> clear() {
    return new Clear<>();
  }

  static <T> Change<T> set(T value) {
    return new Set<>(value);
  }

  default Option<T> applyTo(Option<T> current) {
    return switch (this) {
      case Keep<T> k -> current;
      case Clear<T> c -> Option.none();
      case Set<T>(var value) -> Option.some(value);
    };
  }

  /** Composes two changes of one field: the later one wins unless it keeps. */
  default Change<T> then(Change<T> later) {
    return later instanceof Keep<T> ? this : later;
  }

  default boolean isKeep() {
    return this instanceof Keep<T>;
  }

  default <R> Change<R> map(Function<? super T, ? extends R> mapper) {
    return switch (this) {
      case Keep<T> k -> keep();
      case Clear<T> c -> clear();
      case Set<T>(var value) -> set(mapper.apply(value));
    };
  }
}

package dev.licensekeys.http;

import dev.licensekeys.domain.patch.Change;
import jakarta.validation.valueextraction.ExtractedValue;
import jakarta.validation.valueextraction.ValueExtractor;

/** Lets Jakarta Validation check the value of a {@code Set}; Keep and Clear have none to check. */
public final class ChangeValueExtractor implements ValueExtractor<Change<@ExtractedValue ?>> {

  @Override
  public void extractValues(Change<?> originalValue, ValueReceiver receiver) {
    if (originalValue instanceof Change.Set<?>(var value)) {
      receiver.value(null, value);
    }
  }
}

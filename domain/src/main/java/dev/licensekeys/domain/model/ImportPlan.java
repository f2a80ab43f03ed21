package dev.licensekeys.domain.model;

import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.util.Objects;
import java.util.function.Function;

/**
 * What an import of keys does to a store, the rule every store's import follows. A key string that
 * another business holds is taken, and any taken string stops the whole import. A key string that
 * nobody holds is added, once even if the import repeats it; one that the importing business holds
 * already stays as it is, so importing the same keys twice changes nothing the second time.
 */
public record ImportPlan(Seq<String> taken, Seq<LicenseKey> toAdd, int alreadyThere) {

  public ImportPlan {
    Objects.requireNonNull(taken, "taken");
    Objects.requireNonNull(toAdd, "toAdd");
    if (alreadyThere < 0) {
      throw new IllegalArgumentException("alreadyThere must not be negative: " + alreadyThere);
    }
  }

  /** {@code ownerOf} answers which business holds a key string in the store, if any does. */
  public static ImportPlan of(
      String businessId, Seq<LicenseKey> keys, Function<String, Option<String>> ownerOf) {
    Seq<String> taken =
        keys.map(LicenseKey::key)
            .filter(key -> ownerOf.apply(key).exists(owner -> !owner.equals(businessId)));
    Seq<LicenseKey> toAdd =
        keys.filter(key -> ownerOf.apply(key.key()).isEmpty()).distinctBy(LicenseKey::key);
    return new ImportPlan(taken, toAdd, keys.size() - toAdd.size());
  }
}

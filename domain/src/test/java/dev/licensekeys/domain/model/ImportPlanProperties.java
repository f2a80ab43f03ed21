package dev.licensekeys.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.fixtures.TestData;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The rule of every store's import, over imports whose key strings repeat and stores where either
 * business holds some of them.
 */
class ImportPlanProperties {

  private static final java.util.List<String> STRINGS = List.range(0, 6).map(i -> "K" + i).asJava();
  private static final java.util.List<String> OWNERS =
      java.util.List.of(TestData.BUSINESS, TestData.OTHER_BUSINESS);

  @Property
  void takenAreTheStringsAnotherBusinessHolds(
      @ForAll("imports") List<String> strings, @ForAll("stores") Map<String, String> owners) {
    ImportPlan plan = ImportPlan.of(TestData.BUSINESS, keys(strings), owners::get);

    assertThat(plan.taken().asJava())
        .containsExactlyElementsOf(
            strings.filter(s -> owners.get(s).contains(TestData.OTHER_BUSINESS)).asJava());
  }

  @Property
  void everyStringNobodyHoldsIsAddedOnceWithItsFirstKey(
      @ForAll("imports") List<String> strings, @ForAll("stores") Map<String, String> owners) {
    List<LicenseKey> keys = keys(strings);
    ImportPlan plan = ImportPlan.of(TestData.BUSINESS, keys, owners::get);

    assertThat(plan.toAdd().asJava())
        .containsExactlyElementsOf(
            keys.filter(key -> owners.get(key.key()).isEmpty())
                .distinctBy(LicenseKey::key)
                .asJava());
    assertThat(plan.toAdd().size() + plan.alreadyThere()).isEqualTo(keys.size());
  }

  @Property
  void importingWhatWasAddedAddsNothing(
      @ForAll("imports") List<String> strings, @ForAll("stores") Map<String, String> owners) {
    List<LicenseKey> keys = keys(strings);
    ImportPlan first = ImportPlan.of(TestData.BUSINESS, keys, owners::get);
    Map<String, String> after =
        first.toAdd().foldLeft(owners, (store, key) -> store.put(key.key(), TestData.BUSINESS));

    ImportPlan again = ImportPlan.of(TestData.BUSINESS, keys, after::get);

    assertThat(again.toAdd()).isEmpty();
    assertThat(again.taken()).isEqualTo(first.taken());
  }

  private static List<LicenseKey> keys(List<String> strings) {
    return strings.zipWithIndex(
        (string, i) ->
            TestData.key("lic_" + "0".repeat(17) + String.format("%04d", i))
                .keyString(string)
                .build());
  }

  @Provide
  Arbitrary<List<String>> imports() {
    return Arbitraries.of(STRINGS).list().ofMaxSize(12).map(List::ofAll);
  }

  @Provide
  Arbitrary<Map<String, String>> stores() {
    return Arbitraries.maps(Arbitraries.of(STRINGS), Arbitraries.of(OWNERS))
        .ofMaxSize(STRINGS.size())
        .map(io.vavr.collection.HashMap::ofAll);
  }
}

package dev.licensekeys.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written id checks accept exactly what the documented pattern accepts. */
class IdsProperties {

  private static final Pattern LICENSE_KEY = Pattern.compile("lic_[0-9A-Za-z]{21}");
  private static final Pattern INSTANCE = Pattern.compile("lki_[0-9A-Za-z]{21}");

  @Property
  void theChecksAgreeWithThePatterns(@ForAll("candidates") String candidate) {
    assertThat(Ids.isLicenseKeyId(candidate)).isEqualTo(LICENSE_KEY.matcher(candidate).matches());
    assertThat(Ids.isInstanceId(candidate)).isEqualTo(INSTANCE.matcher(candidate).matches());
  }

  @Provide
  Arbitrary<String> candidates() {
    Arbitrary<String> tail =
        Arbitraries.oneOf(
            Arbitraries.strings().withCharRange('0', 'z').ofMinLength(19).ofMaxLength(23),
            Arbitraries.strings().alpha().numeric().ofLength(21),
            Arbitraries.strings().ofMaxLength(25),
            beyondAscii());
    return Arbitraries.oneOf(
        tail.map(t -> "lic_" + t),
        tail.map(t -> "lki_" + t),
        Arbitraries.strings().ofMaxLength(30));
  }

  /**
   * Base62 but for one character above ASCII whose low seven bits are a base62 character's, so a
   * check that looked at those bits alone would take it.
   */
  private Arbitrary<String> beyondAscii() {
    Arbitrary<String> base62 = Arbitraries.strings().alpha().numeric().ofLength(21);
    Arbitrary<Integer> position = Arbitraries.integers().between(0, 20);
    Arbitrary<Integer> above = Arbitraries.integers().between(1, 511);
    return Combinators.combine(base62, position, above)
        .as(
            (tail, at, high) -> {
              char[] chars = tail.toCharArray();
              chars[at] = (char) (chars[at] + 128 * high);
              return new String(chars);
            });
  }
}

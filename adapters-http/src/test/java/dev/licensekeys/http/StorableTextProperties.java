package dev.licensekeys.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class StorableTextProperties {

  @Property(tries = 5_000)
  void textIsStorableExactlyWhenItHasNoNulAndSurvivesUtf8(@ForAll("texts") String text) {
    boolean survivesUtf8 =
        new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(text);

    assertThat(StorableText.problem(text).isEmpty())
        .as(text)
        .isEqualTo(survivesUtf8 && text.indexOf('\0') < 0);
  }

  @Example
  void namesWhatIsWrong() {
    assertThat(StorableText.problem("a\0b")).containsExactly("must not contain NUL characters");
    assertThat(StorableText.problem("a\uD800b"))
        .containsExactly("must not contain an unpaired surrogate (\\uD800 to \\uDFFF alone)");
    assertThat(StorableText.problem("\uDFFF\uD800")).hasSize(1);
    assertThat(StorableText.problem("emoji \uD83D\uDE00, ü, 中")).isEmpty();
  }

  /** Short texts of ASCII, NUL, other scripts, and surrogates paired, reversed and alone. */
  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings()
        .withChars('a', 'z', '\0', 'ü', '中')
        .withCharRange('\uD7FE', '\uE001')
        .ofMaxLength(8);
  }
}

package dev.licensekeys.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A Content-Type is read as splitting off its parameters, stripping and lower-casing read it. */
class MediaTypeProperties {

  @Property(tries = 2_000)
  void aContentTypeIsReadAsSplittingItWould(@ForAll("contentTypes") String contentType) {
    assertThat(Exchange.mediaType(contentType))
        .isEqualTo(contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT));
  }

  @Provide
  Arbitrary<String> contentTypes() {
    Arbitrary<String> type =
        Arbitraries.of(
            "application/json",
            "Application/JSON",
            "application/merge-patch+json",
            "text/plain",
            "",
            " ",
            "\tapplication/json ");
    Arbitrary<String> parameters =
        Arbitraries.of("", ";", "; charset=utf-8", ";charset=UTF-8;q=1", " ;x", ";;");
    return Arbitraries.oneOf(
        Combinators.combine(type, parameters).as(String::concat), Arbitraries.strings().all());
  }
}

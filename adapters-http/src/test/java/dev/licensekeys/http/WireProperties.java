package dev.licensekeys.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.fixtures.DomainArbitraries;
import dev.licensekeys.domain.patch.LicenseKeyPatch;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The wire laws of SPEC section 3: the codec round-trips, and the decoder never throws. */
class WireProperties {

  private final RequestDecoder decoder = new RequestDecoder();

  @Property
  void decodingAnEncodedPatchGivesItBack(@ForAll("wirePatches") LicenseKeyPatch patch) {
    assertThat(decoder.patch(Responses.patch(patch))).isEqualTo(Either.right(patch));
  }

  @Property
  void anyTextDecodesToAPatchOrATypedErrorNeverAnException(@ForAll("jsonish") String text) {
    Either<HttpError, LicenseKeyPatch> result =
        decoder.patch(text.getBytes(StandardCharsets.UTF_8));

    result.peekLeft(
        error -> {
          assertThat(error.status()).isIn(400, 422);
          assertThat(error.code()).isEqualTo("INVALID_REQUEST_BODY");
        });
  }

  @Property
  void anyBytesDecodeToAPatchOrATypedErrorNeverAnException(@ForAll byte[] bytes) {
    assertThat(decoder.patch(bytes)).isNotNull();
    assertThat(decoder.activate(bytes)).isNotNull();
    assertThat(decoder.importKey(bytes)).isNotNull();
  }

  @Provide
  Arbitrary<LicenseKeyPatch> wirePatches() {
    return Combinators.combine(
            DomainArbitraries.changes(DomainArbitraries.limits()),
            DomainArbitraries.disabledChanges(),
            DomainArbitraries.changes(DomainArbitraries.instants()))
        .as(LicenseKeyPatch::new);
  }

  /** Text that is often JSON, often nearly JSON, and sometimes anything at all. */
  @Provide
  Arbitrary<String> jsonish() {
    Arbitrary<String> values =
        Arbitraries.oneOf(
            Arbitraries.of(
                "null",
                "true",
                "false",
                "0",
                "-1",
                "1e3",
                "5.5",
                "2147483648",
                "\"\"",
                "\"2030-01-01T00:00:00Z\"",
                "\"2030-01-01T00:00:00\"",
                "[]",
                "{}",
                "[1,",
                "{\"a\":"),
            Arbitraries.integers().map(String::valueOf),
            Arbitraries.strings().ofMaxLength(12).map(s -> "\"" + s.replace("\"", "\\\"") + "\""));
    Arbitrary<String> names =
        Arbitraries.of("activations_limit", "disabled", "expires_at", "status", "", "\u0000");
    Arbitrary<String> members =
        Combinators.combine(names, values).as((name, value) -> "\"" + name + "\":" + value);
    Arbitrary<String> objects =
        members.list().ofMaxSize(5).map(list -> "{" + String.join(",", list) + "}");
    return Arbitraries.oneOf(
        objects,
        objects.map(object -> object + "}"),
        objects.map(object -> "[" + object + "]"),
        values,
        Arbitraries.strings().ofMaxLength(40));
  }
}

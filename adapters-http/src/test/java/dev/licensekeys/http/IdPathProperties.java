package dev.licensekeys.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.common.uri.UriPath;
import io.helidon.http.PathMatcher;
import io.helidon.http.PathMatchers;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link IdPath} accepts the paths Helidon's {@code {id}} template accepts, with the same id. */
class IdPathProperties {

  private static final String PREFIX = "/license_keys/";

  private final IdPath idPath = IdPath.under(PREFIX);
  private final PathMatcher template = PathMatchers.create(PREFIX + "{id}");

  @Property(tries = 5_000)
  void aPathIsMatchedAsTheTemplateMatchesIt(@ForAll("rawPaths") String rawPath) {
    UriPath path = UriPath.create(rawPath);
    Assume.that(reachesRouting(path));
    PathMatchers.MatchResult expected = template.match(path);
    PathMatchers.MatchResult actual = idPath.match(path);

    assertThat(actual.accepted()).as(rawPath).isEqualTo(expected.accepted());
    if (expected.accepted()) {
      assertThat(actual.path().pathParameters().get("id"))
          .isEqualTo(expected.path().pathParameters().get("id"));
      assertThat(actual.path().pathParameters().names()).containsExactly("id");
      assertThat(actual.path().path()).isEqualTo(expected.path().path());
      assertThat(actual.path().rawPath()).isEqualTo(expected.path().rawPath());
    }
  }

  /**
   * Routing never sees a path that does not decode (Helidon refuses its request) or a target read
   * as having no path ({@link AccessLog} refuses it before routing).
   */
  private static boolean reachesRouting(UriPath path) {
    try {
      return path.path() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Example
  void anIdIsTheDecodedSegmentAfterThePrefix() {
    var match = idPath.match(UriPath.create("/license_keys/lic%20one;v=1"));

    assertThat(match.accepted()).isTrue();
    assertThat(match.path().pathParameters().get("id")).isEqualTo("lic one");
  }

  /** {@link RouteTemplates} labels a request by it, without searching its templates. */
  @Example
  void itsMatchingPatternIsTheTemplate() {
    assertThat(idPath.matchingElement()).contains("/license_keys/{id}");
  }

  @Example
  void anEmptySegmentOrASecondOneIsNotAnId() {
    assertThat(idPath.match(UriPath.create("/license_keys/")).accepted()).isFalse();
    assertThat(idPath.match(UriPath.create("/license_keys/a/b")).accepted()).isFalse();
    assertThat(idPath.match(UriPath.create("/license_keys/a%2Fb")).accepted()).isFalse();
    assertThat(idPath.match(UriPath.create("/license_keysa")).accepted()).isFalse();
  }

  /** Paths near the prefix: its parts, slashes, escapes, matrix parameters, dots and any text. */
  @Provide
  Arbitrary<String> rawPaths() {
    Arbitrary<String> start =
        Arbitraries.of(PREFIX, "/license_keys", "/license_key", "/license_keys//", "/", "");
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.of(
                "lic_1", "/", "%2F", "%20", "%41", ";", ";v=1", "=", ".", "..", "é", "%C3%A9", "a"),
            Arbitraries.strings().withCharRange('!', '~').ofMaxLength(4));
    return Arbitraries.oneOf(
        start.flatMap(
            prefix -> piece.list().ofMaxSize(5).map(pieces -> prefix + String.join("", pieces))),
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20).map(text -> "/" + text));
  }
}

package dev.licensekeys.http;

import io.helidon.common.parameters.Parameters;
import io.helidon.common.uri.UriPath;
import io.helidon.http.PathMatcher;
import io.helidon.http.PathMatchers;
import io.helidon.http.RoutedPath;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A resource's path, {@code /license_keys/{id}}: a fixed prefix and one segment, the {@code id}
 * path parameter. It accepts the paths Helidon's template accepts, read the same way (the decoded
 * path without matrix parameters), but with a prefix check and a search for a slash where the
 * template runs a regular expression and splits its parameters' name: about 2% of the in-memory
 * service's CPU per PATCH (docs/BENCHMARKS.md, change 49).
 */
final class IdPath implements PathMatcher {

  private static final String COMPONENT = "http/path";
  private static final String[] QUALIFIERS = COMPONENT.split("/");

  private final String prefix;
  private final String pattern;
  private final PathMatcher template;
  private final Optional<String> matchingElement;

  private IdPath(String prefix) {
    this.prefix = prefix;
    this.pattern = prefix + "{id}";
    this.template = PathMatchers.create(pattern);
    this.matchingElement = template.matchingElement();
  }

  /** {@code under("/license_keys/")} matches {@code /license_keys/{id}}. */
  static IdPath under(String prefix) {
    return new IdPath(prefix);
  }

  @Override
  public PathMatchers.MatchResult match(UriPath path) {
    String decoded = path.path();
    int start = prefix.length();
    if (decoded.length() > start && decoded.startsWith(prefix) && decoded.indexOf('/', start) < 0) {
      Parameters id =
          Parameters.create(COMPONENT, Map.of("id", List.of(decoded.substring(start))), QUALIFIERS);
      return new PathMatchers.MatchResult(true, new WithId(path, id));
    }
    return PathMatchers.MatchResult.notAccepted();
  }

  /** The template, which Helidon asks for on every routed request as its matching pattern. */
  @Override
  public Optional<String> matchingElement() {
    return matchingElement;
  }

  /** Only for services nested under a path, which this API registers none of. */
  @Override
  public PathMatchers.PrefixMatchResult prefixMatch(UriPath path) {
    return template.prefixMatch(path);
  }

  @Override
  public String toString() {
    return pattern;
  }

  /** The request's path as matched, with its {@code id}. */
  private record WithId(UriPath uriPath, Parameters pathParameters) implements RoutedPath {

    @Override
    public String rawPath() {
      return uriPath.rawPath();
    }

    @Override
    public String rawPathNoParams() {
      return uriPath.rawPathNoParams();
    }

    @Override
    public String path() {
      return uriPath.path();
    }

    @Override
    public Parameters matrixParameters() {
      return uriPath.matrixParameters();
    }

    @Override
    public RoutedPath absolute() {
      return new WithId(uriPath.absolute(), pathParameters);
    }

    @Override
    public void validate() {
      uriPath.validate();
    }

    @Override
    public String toString() {
      return uriPath.toString();
    }
  }
}

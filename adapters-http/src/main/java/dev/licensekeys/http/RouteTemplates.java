package dev.licensekeys.http;

import io.helidon.webserver.http.ServerRequest;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The route a path belongs to, for metrics and logs: ids become {@code {id}}, so a label never
 * grows with the data and a log line never carries more than the route; and a method as a label.
 */
final class RouteTemplates {

  private static final List<String> TEMPLATES =
      List.of(
          "/license_keys/{id}",
          "/license_keys",
          "/license_key_instances/{id}",
          "/license_key_instances",
          "/licenses/activate",
          "/licenses/deactivate",
          "/licenses/validate",
          "/health/live",
          "/health/ready",
          "/metrics",
          "/openapi.yaml");

  private static final List<Pattern> PATTERNS =
      TEMPLATES.stream()
          .map(template -> Pattern.compile(template.replace("{id}", "[^/]+")))
          .toList();

  private static final Set<String> TEMPLATE_SET = Set.copyOf(TEMPLATES);

  // RFC 9110's methods and PATCH: Helidon takes any token as a method.
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

  private static final String UNMATCHED = "unmatched";

  private RouteTemplates() {}

  /**
   * The route of a request that has been routed: the pattern Helidon matched when it is one of the
   * templates, which spares a search, else the template its path fits.
   */
  static String of(ServerRequest request) {
    return request
        .matchingPattern()
        .filter(TEMPLATE_SET::contains)
        .orElseGet(() -> of(request.path().path()));
  }

  /**
   * A method as a label: itself when it is a standard one, else {@code OTHER}, so that a client
   * cannot add a series to the metrics with each method it makes up.
   */
  static String methodLabel(String method) {
    return METHODS.contains(method) ? method : "OTHER";
  }

  static String of(String path) {
    if (path == null) {
      return UNMATCHED;
    }
    for (int i = 0; i < PATTERNS.size(); i++) {
      if (PATTERNS.get(i).matcher(path).matches()) {
        return TEMPLATES.get(i);
      }
    }
    return UNMATCHED;
  }
}

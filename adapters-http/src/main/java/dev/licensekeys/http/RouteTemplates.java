package dev.licensekeys.http;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The route a path belongs to, for metrics and logs: ids become {@code {id}}, so a label never
 * grows with the data and a log line never carries more than the route.
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

  private RouteTemplates() {}

  static String of(String path) {
    for (int i = 0; i < PATTERNS.size(); i++) {
      if (PATTERNS.get(i).matcher(path).matches()) {
        return TEMPLATES.get(i);
      }
    }
    return "unmatched";
  }
}

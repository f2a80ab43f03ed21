package dev.licensekeys.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service's own OpenAPI document, as it serves it, used to check every response an end-to-end
 * test receives: the operation must exist, the status must be declared (or fall under {@code
 * default}), and the body must match the declared schema, so the document cannot drift.
 */
final class OpenApiDocument {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode document;
  private final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

  OpenApiDocument(String yaml) throws Exception {
    this.document = new YAMLMapper().readTree(yaml);
    assertThat(document.path("openapi").asText()).startsWith("3.1");
  }

  void check(String method, String pathAndQuery, HttpResponse<String> response) throws Exception {
    String path = pathAndQuery.split("\\?", 2)[0];
    String template = template(path);
    if (template == null) {
      assertThat(response.statusCode())
          .as("an undocumented path must be 404 or 405")
          .isIn(404, 405);
      assertErrorBody(response);
      return;
    }
    JsonNode operation =
        document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
    if (operation.isMissingNode()) {
      assertThat(response.statusCode())
          .as(method + " " + template + " is not documented")
          .isEqualTo(405);
      assertErrorBody(response);
      return;
    }
    String status = String.valueOf(response.statusCode());
    JsonNode declared = operation.path("responses").path(status);
    if (declared.isMissingNode()) {
      assertThat(response.statusCode())
          .as(method + " " + template + " answered an undocumented success " + status)
          .isGreaterThanOrEqualTo(400);
      declared = operation.path("responses").path("default");
    }
    declared = resolve(declared);
    JsonNode content = declared.path("content").path("application/json").path("schema");
    if (content.isMissingNode() && declared.path("content").isObject()) {
      String declaredType = declared.path("content").fieldNames().next();
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith(declaredType));
      return;
    }
    if (content.isMissingNode()) {
      assertThat(response.body())
          .as(method + " " + template + " " + status + " has no body")
          .isEmpty();
      return;
    }
    JsonSchema schema =
        schemas.computeIfAbsent(method + " " + template + " " + status, key -> compile(content));
    Set<ValidationMessage> problems = schema.validate(JSON.readTree(response.body()));
    assertThat(problems)
        .as(method + " " + pathAndQuery + " " + status + " " + response.body())
        .isEmpty();
  }

  private void assertErrorBody(HttpResponse<String> response) throws Exception {
    JsonSchema error =
        schemas.computeIfAbsent(
            "error", key -> compile(document.path("components").path("schemas").path("Error")));
    assertThat(error.validate(JSON.readTree(response.body()))).isEmpty();
  }

  private JsonSchema compile(JsonNode schema) {
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.set("components", document.path("components"));
    root.putArray("allOf").add(schema);
    return factory.getSchema(root);
  }

  private JsonNode resolve(JsonNode node) {
    JsonNode ref = node.path("$ref");
    return ref.isTextual() ? document.at(ref.asText().substring(1)) : node;
  }

  private String template(String path) {
    Iterator<String> templates = document.path("paths").fieldNames();
    while (templates.hasNext()) {
      String template = templates.next();
      if (path.matches(template.replaceAll("\\{[^}]+}", "[^/]+"))) {
        return template;
      }
    }
    return null;
  }
}

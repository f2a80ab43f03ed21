package dev.licensekeys.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vavr.control.Either;
import java.io.IOException;

/** The one JSON mapper, strict: duplicate keys and trailing content are errors. */
final class Json {

  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .build();

  private Json() {}

  /** The body as a JSON object, or a 400 saying why it is not one. */
  static Either<HttpError, ObjectNode> object(byte[] body) {
    if (body.length == 0) {
      return Either.left(HttpError.badBody("the body is empty; send a JSON object"));
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(body);
    } catch (StreamConstraintsException e) {
      return Either.left(
          HttpError.badBody("the body is too deeply nested or has too long a value"));
    } catch (JsonParseException e) {
      String reason = e.getOriginalMessage();
      return Either.left(
          HttpError.badBody(
              reason != null && reason.startsWith("Duplicate field")
                  ? "the body repeats a field: " + reason.substring("Duplicate field ".length())
                  : "the body is not valid JSON"));
    } catch (IOException e) {
      return Either.left(HttpError.badBody("the body is not valid JSON"));
    }
    if (tree == null || tree.isMissingNode()) {
      return Either.left(HttpError.badBody("the body is empty; send a JSON object"));
    }
    if (!(tree instanceof ObjectNode object)) {
      return Either.left(HttpError.badBody("the body must be a JSON object"));
    }
    return Either.right(object);
  }
}

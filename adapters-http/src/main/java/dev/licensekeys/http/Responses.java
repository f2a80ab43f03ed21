package dev.licensekeys.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.licensekeys.domain.model.Customer;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.LicenseKeyInstance;
import dev.licensekeys.domain.model.LicenseKeyStatus;
import dev.licensekeys.domain.model.Product;
import dev.licensekeys.domain.model.Source;
import dev.licensekeys.domain.patch.Change;
import dev.licensekeys.domain.patch.LicenseKeyPatch;
import dev.licensekeys.domain.port.in.Activation;
import io.vavr.control.Option;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * Records to response bytes, field for field as Dodo's schema orders them: every field present,
 * unset ones as {@code null}, instants in UTC with {@code Z} and a fraction only when not zero.
 */
public final class Responses {

  /** Room for a typical key's JSON, so that writing one seldom grows the buffer. */
  private static final int KEY_BYTES = 512;

  private static final String[] SOURCES = lowerCaseNames(Source.values());
  private static final String[] STATUSES = lowerCaseNames(LicenseKeyStatus.values());

  private Responses() {}

  @FunctionalInterface
  interface Writer {
    void write(JsonGenerator json) throws IOException;
  }

  static byte[] json(Writer writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(bytes)) {
      writer.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static byte[] licenseKey(LicenseKey key, Instant now) {
    JsonBytes json = new JsonBytes(KEY_BYTES);
    writeLicenseKey(json, key, now);
    return json.toByteArray();
  }

  static byte[] licenseKeys(Iterable<LicenseKey> keys, Instant now) {
    JsonBytes json = new JsonBytes(KEY_BYTES);
    json.raw("{\"items\":[");
    String separator = "";
    for (LicenseKey key : keys) {
      json.raw(separator);
      writeLicenseKey(json, key, now);
      separator = ",";
    }
    return json.raw("]}").toByteArray();
  }

  static byte[] instance(LicenseKeyInstance instance) {
    return json(json -> writeInstance(json, instance, true));
  }

  static byte[] instances(Iterable<LicenseKeyInstance> instances) {
    return json(
        json -> {
          json.writeStartObject();
          json.writeArrayFieldStart("items");
          for (LicenseKeyInstance instance : instances) {
            writeInstance(json, instance, true);
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  static byte[] activation(Activation activation) {
    return json(
        json -> {
          writeInstance(json, activation.instance(), false);
          Customer customer = activation.customer();
          json.writeObjectFieldStart("customer");
          json.writeStringField("customer_id", customer.id());
          json.writeStringField("email", customer.email());
          json.writeStringField("name", customer.name());
          json.writeEndObject();
          Product product = activation.product();
          json.writeObjectFieldStart("product");
          writeText(json, "name", product.name());
          json.writeStringField("product_id", product.id());
          json.writeEndObject();
          json.writeEndObject();
        });
  }

  static byte[] validity(boolean valid) {
    return json(
        json -> {
          json.writeStartObject();
          json.writeBooleanField("valid", valid);
          json.writeEndObject();
        });
  }

  static byte[] error(HttpError error) {
    return json(
        json -> {
          json.writeStartObject();
          json.writeStringField("code", error.code());
          json.writeStringField("message", error.message());
          json.writeEndObject();
        });
  }

  /** The patch as a client would send it: Keep absent, Clear {@code null}, Set the value. */
  public static byte[] patch(LicenseKeyPatch patch) {
    return json(
        json -> {
          json.writeStartObject();
          switch (patch.activationsLimit()) {
            case Change.Keep<Integer> k -> {}
            case Change.Clear<Integer> c -> json.writeNullField("activations_limit");
            case Change.Set<Integer>(var limit) ->
                json.writeNumberField("activations_limit", limit);
          }
          switch (patch.disabled()) {
            case Change.Keep<Boolean> k -> {}
            case Change.Clear<Boolean> c -> json.writeNullField("disabled");
            case Change.Set<Boolean>(var disabled) -> json.writeBooleanField("disabled", disabled);
          }
          switch (patch.expiresAt()) {
            case Change.Keep<Instant> k -> {}
            case Change.Clear<Instant> c -> json.writeNullField("expires_at");
            case Change.Set<Instant>(var expiry) ->
                json.writeStringField("expires_at", DateTimes.format(expiry));
          }
          json.writeEndObject();
        });
  }

  private static void writeLicenseKey(JsonBytes json, LicenseKey key, Instant now) {
    json.raw("{\"business_id\":")
        .string(key.businessId())
        .raw(",\"created_at\":")
        .string(DateTimes.format(key.createdAt()))
        .raw(",\"customer_id\":")
        .string(key.customerId())
        .raw(",\"id\":")
        .string(key.id())
        .raw(",\"instances_count\":")
        .number(key.instancesCount())
        .raw(",\"key\":")
        .string(key.key())
        .raw(",\"product_id\":")
        .string(key.productId())
        .raw(",\"source\":")
        .string(SOURCES[key.source().ordinal()])
        .raw(",\"status\":")
        .string(STATUSES[key.status(now).ordinal()])
        .raw(",\"activations_limit\":");
    if (key.activationsLimit().isDefined()) {
      json.number(key.activationsLimit().get());
    } else {
      json.nullValue();
    }
    json.raw(",\"expires_at\":");
    writeText(json, key.expiresAt().map(DateTimes::format));
    json.raw(",\"payment_id\":");
    writeText(json, key.paymentId());
    json.raw(",\"subscription_id\":");
    writeText(json, key.subscriptionId());
    json.raw("}");
  }

  private static void writeText(JsonBytes json, Option<String> value) {
    if (value.isDefined()) {
      json.string(value.get());
    } else {
      json.nullValue();
    }
  }

  private static String[] lowerCaseNames(Enum<?>[] values) {
    return Arrays.stream(values)
        .map(value -> value.name().toLowerCase(Locale.ROOT))
        .toArray(String[]::new);
  }

  private static void writeInstance(JsonGenerator json, LicenseKeyInstance instance, boolean close)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("business_id", instance.businessId());
    json.writeStringField("created_at", DateTimes.format(instance.createdAt()));
    json.writeStringField("id", instance.id());
    json.writeStringField("license_key_id", instance.licenseKeyId());
    json.writeStringField("name", instance.name());
    if (close) {
      json.writeEndObject();
    }
  }

  private static void writeText(JsonGenerator json, String field, Option<String> value)
      throws IOException {
    if (value.isDefined()) {
      json.writeStringField(field, value.get());
    } else {
      json.writeNullField(field);
    }
  }
}

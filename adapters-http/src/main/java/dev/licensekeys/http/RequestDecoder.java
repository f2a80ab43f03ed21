package dev.licensekeys.http;

import dev.licensekeys.domain.patch.LicenseKeyPatch;
import io.vavr.control.Either;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.function.Function;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Bytes to request records. Never throws: a body is a request or a typed error, 400 when it is not
 * a JSON object at all, 422 naming every bad field when it is one.
 */
public final class RequestDecoder {

  private static final Set<String> PATCH_FIELDS =
      Set.of("activations_limit", "disabled", "expires_at");

  private final Validator validator;

  public RequestDecoder() {
    this.validator =
        Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .addValueExtractor(new ChangeValueExtractor())
            .buildValidatorFactory()
            .getValidator();
  }

  /**
   * {@code PATCH /license_keys/{id}}: absent is Keep, {@code null} is Clear (Keep for disabled).
   */
  public Either<HttpError, LicenseKeyPatch> patch(byte[] body) {
    return read(
            body,
            PATCH_FIELDS,
            fields -> {
              var limit = fields.int32Change("activations_limit");
              var disabled = fields.booleanKeptOnNull("disabled");
              var expiresAt = fields.dateTimeChange("expires_at");
              return fields.build(
                  () -> new Requests.PatchLicenseKey(limit, disabled, expiresAt), validator);
            })
        .map(
            request ->
                new LicenseKeyPatch(
                    request.activationsLimit(),
                    request.disabled(),
                    request.expiresAt().map(OffsetDateTime::toInstant)));
  }

  Either<HttpError, Requests.ImportLicenseKey> importKey(byte[] body) {
    return read(
        body,
        Set.of("customer_id", "key", "product_id", "activations_limit", "expires_at"),
        fields -> {
          var customerId = fields.requiredText("customer_id");
          var key = fields.requiredText("key");
          var productId = fields.requiredText("product_id");
          var limit = fields.optionalInt32("activations_limit");
          var expiresAt = fields.optionalDateTime("expires_at");
          return fields.build(
              () -> new Requests.ImportLicenseKey(customerId, key, productId, limit, expiresAt),
              validator);
        });
  }

  Either<HttpError, Requests.RenameInstance> rename(byte[] body) {
    return read(
        body,
        Set.of("name"),
        fields -> {
          var name = fields.requiredText("name");
          return fields.build(() -> new Requests.RenameInstance(name), validator);
        });
  }

  Either<HttpError, Requests.Activate> activate(byte[] body) {
    return read(
        body,
        Set.of("license_key", "name"),
        fields -> {
          var key = fields.requiredText("license_key");
          var name = fields.requiredText("name");
          return fields.build(() -> new Requests.Activate(key, name), validator);
        });
  }

  Either<HttpError, Requests.Deactivate> deactivate(byte[] body) {
    return read(
        body,
        Set.of("license_key", "license_key_instance_id"),
        fields -> {
          var key = fields.requiredText("license_key");
          var instance = fields.requiredText("license_key_instance_id");
          return fields.build(() -> new Requests.Deactivate(key, instance), validator);
        });
  }

  Either<HttpError, Requests.Validate> validate(byte[] body) {
    return read(
        body,
        Set.of("license_key", "license_key_instance_id"),
        fields -> {
          var key = fields.requiredText("license_key");
          var instance = fields.optionalText("license_key_instance_id");
          return fields.build(() -> new Requests.Validate(key, instance), validator);
        });
  }

  private static <T> Either<HttpError, T> read(
      byte[] body, Set<String> allowed, Function<Fields, Either<HttpError, T>> reader) {
    return Json.object(body).flatMap(object -> reader.apply(new Fields(object, allowed)));
  }
}

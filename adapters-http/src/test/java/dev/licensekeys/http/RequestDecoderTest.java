package dev.licensekeys.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.patch.Change;
import dev.licensekeys.domain.patch.LicenseKeyPatch;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The PATCH body: absent, null and value for every field, and everything it refuses. */
class RequestDecoderTest {

  private final RequestDecoder decoder = new RequestDecoder();

  private Either<HttpError, LicenseKeyPatch> patch(String json) {
    return decoder.patch(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anEmptyObjectKeepsEveryField() {
    assertThat(patch("{}")).isEqualTo(Either.right(LicenseKeyPatch.KEEP_ALL));
  }

  @Test
  void activationsLimitAbsentNullOrValue() {
    assertThat(patch("{}").get().activationsLimit()).isEqualTo(Change.keep());
    assertThat(patch("{\"activations_limit\": null}").get().activationsLimit())
        .isEqualTo(Change.clear());
    assertThat(patch("{\"activations_limit\": 5}").get().activationsLimit())
        .isEqualTo(Change.set(5));
    assertThat(patch("{\"activations_limit\": 2147483647}").get().activationsLimit())
        .isEqualTo(Change.set(Integer.MAX_VALUE));
    assertThat(patch("{\"activations_limit\": 0}").get().activationsLimit())
        .isEqualTo(Change.set(0));
  }

  @Test
  void disabledAbsentNullOrValueWhereNullKeeps() {
    assertThat(patch("{}").get().disabled()).isEqualTo(Change.keep());
    assertThat(patch("{\"disabled\": null}").get().disabled()).isEqualTo(Change.keep());
    assertThat(patch("{\"disabled\": true}").get().disabled()).isEqualTo(Change.set(true));
    assertThat(patch("{\"disabled\": false}").get().disabled()).isEqualTo(Change.set(false));
  }

  @Test
  void expiresAtAbsentNullOrValueWithZOrAnOffset() {
    assertThat(patch("{}").get().expiresAt()).isEqualTo(Change.keep());
    assertThat(patch("{\"expires_at\": null}").get().expiresAt()).isEqualTo(Change.clear());
    assertThat(patch("{\"expires_at\": \"2030-01-01T00:00:00Z\"}").get().expiresAt())
        .isEqualTo(Change.set(Instant.parse("2030-01-01T00:00:00Z")));
    assertThat(patch("{\"expires_at\": \"2030-01-01T02:00:00.5+02:00\"}").get().expiresAt())
        .isEqualTo(Change.set(Instant.parse("2030-01-01T00:00:00.5Z")));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not json                              | 400",
        "''                                    | 400",
        "[]                                    | 400",
        "'{\"disabled\": true, \"disabled\": false}' | 400",
        "'{\"activations_limit\": 1} {}'       | 400",
        "'{\"activations_limit\": \"5\"}'      | 422",
        "'{\"activations_limit\": 5.5}'        | 422",
        "'{\"activations_limit\": 5.0}'        | 422",
        "'{\"activations_limit\": 1e3}'        | 422",
        "'{\"activations_limit\": true}'       | 422",
        "'{\"activations_limit\": -1}'         | 422",
        "'{\"activations_limit\": 2147483648}' | 422",
        "'{\"disabled\": \"true\"}'            | 422",
        "'{\"disabled\": 1}'                   | 422",
        "'{\"expires_at\": \"2030-01-01T00:00:00\"}' | 422",
        "'{\"expires_at\": \"tomorrow\"}'      | 422",
        "'{\"expires_at\": 1893456000}'        | 422",
        "'{\"expires_at\": \"+10000-01-01T00:00:00Z\"}' | 422",
        "'{\"expires_at\": \"2030-01-01T00:00Z\"}' | 422",
        "'{\"status\": \"active\"}'            | 422",
      })
  void refusedBodies(String body, int status) {
    Either<HttpError, LicenseKeyPatch> result = patch(body);

    assertThat(result.getLeft().status()).isEqualTo(status);
    assertThat(result.getLeft().code()).isEqualTo("INVALID_REQUEST_BODY");
  }

  @Test
  void textADatabaseCannotStoreAsSentIsRefused() {
    HttpError nul = decoder.rename("{\"name\": \"a\\u0000b\"}".getBytes()).getLeft();
    HttpError surrogate = decoder.rename("{\"name\": \"a\\ud800b\"}".getBytes()).getLeft();

    assertThat(nul.status()).isEqualTo(422);
    assertThat(nul.message()).contains("name: must not contain NUL characters");
    assertThat(surrogate.status()).isEqualTo(422);
    assertThat(surrogate.message()).contains("name: must not contain an unpaired surrogate");
  }

  @Test
  void everyBadFieldIsNamedAtOnce() {
    HttpError error =
        patch("{\"activations_limit\": \"5\", \"disabled\": 0, \"expires_at\": \"x\", \"y\": 1}")
            .getLeft();

    assertThat(error.status()).isEqualTo(422);
    assertThat(error.message())
        .contains("activations_limit:")
        .contains("disabled:")
        .contains("expires_at:")
        .contains("y: is not a known field");
  }

  @Test
  void blankTextsAreNamedEachWithItsField() {
    HttpError error =
        decoder.activate("{\"license_key\": \" \", \"name\": \"\"}".getBytes()).getLeft();

    assertThat(error.status()).isEqualTo(422);
    assertThat(error.message()).contains("license_key: must not be blank").contains("name:");
  }

  @Test
  void missingRequiredFieldsAndNulCharactersAreRefused() {
    assertThat(decoder.activate("{\"name\": \"m\"}".getBytes()).getLeft().message())
        .isEqualTo("license_key: is required");
    assertThat(decoder.validate("{\"license_key\": \"a\\u0000b\"}".getBytes()).getLeft().message())
        .isEqualTo("license_key: must not contain NUL characters");
  }

  @Test
  void limitsAreNamedWithTheBoundThatWasCrossed() {
    assertThat(patch("{\"activations_limit\": 2147483648}").getLeft().message())
        .isEqualTo("activations_limit: must be at most 2147483647");
    assertThat(patch("{\"activations_limit\": -99999999999999999999}").getLeft().message())
        .isEqualTo("activations_limit: must be greater than or equal to 0");
    assertThat(patch("{\"activations_limit\": -1}").getLeft().message())
        .isEqualTo("activations_limit: must be greater than or equal to 0");
    String longName = "{\"license_key\": \"K\", \"name\": \"" + "n".repeat(256) + "\"}";
    assertThat(decoder.activate(longName.getBytes()).getLeft().message())
        .isEqualTo("name: must be at most 255 characters");
    String longId =
        "{\"license_key\": \"K\", \"license_key_instance_id\": \"" + "i".repeat(65) + "\"}";
    assertThat(decoder.validate(longId.getBytes()).getLeft().message())
        .isEqualTo("license_key_instance_id: must be 1 to 64 characters");
  }

  @Test
  void anImportReadsItsOptionalFields() {
    Requests.ImportLicenseKey request =
        decoder
            .importKey(
                ("{\"customer_id\": \"c\", \"product_id\": \"p\", \"key\": \"K\","
                        + " \"activations_limit\": null, \"expires_at\": \"2031-01-01T00:00:00Z\"}")
                    .getBytes())
            .get();

    assertThat(request.activationsLimit()).isNull();
    assertThat(request.expiresAt().toInstant()).isEqualTo(Instant.parse("2031-01-01T00:00:00Z"));
  }
}

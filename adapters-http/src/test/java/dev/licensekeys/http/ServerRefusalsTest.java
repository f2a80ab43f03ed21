package dev.licensekeys.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.DirectHandler;
import io.helidon.http.DirectHandler.EventType;
import io.helidon.http.DirectHandler.TransportRequest;
import io.helidon.http.DirectHandler.TransportResponse;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The server's own refusals, one branch each; HttpApiTest sends the requests that reach them. */
class ServerRefusalsTest {

  private final AtomicBoolean stopping = new AtomicBoolean();
  private final List<String> observed = new CopyOnWriteArrayList<>();
  private final DirectHandler refusals =
      new ServerRefusals(
          stopping::get, (route, method, status, nanos) -> observed.add(route + " " + status));

  private TransportResponse refuse(EventType type, Status status) {
    return refusals.handle(
        TransportRequest.empty(), type, status, ServerResponseHeaders.create(), "Internal error");
  }

  private static String body(TransportResponse response) {
    return new String(response.entity().orElseThrow(), StandardCharsets.UTF_8);
  }

  @Test
  void aFailureBeforeTheRequestIsKnownIsTheClients400() {
    TransportResponse response = refuse(EventType.INTERNAL_ERROR, Status.INTERNAL_SERVER_ERROR_500);

    assertThat(response.status().code()).isEqualTo(400);
    assertThat(body(response))
        .isEqualTo("{\"code\":\"INVALID_REQUEST\",\"message\":\"the request could not be read\"}");
    assertThat(observed).containsExactly("unread 400");
  }

  @Test
  void aRequestWithoutAMethodIsRefusedAsOneWithAnUnknownMethod() {
    TransportRequest noMethod =
        new TransportRequest() {
          @Override
          public String protocolVersion() {
            return "";
          }

          @Override
          public String method() {
            return null;
          }

          @Override
          public String path() {
            return "";
          }

          @Override
          public io.helidon.http.ServerRequestHeaders headers() {
            return TransportRequest.empty().headers();
          }
        };

    TransportResponse response =
        refusals.handle(
            noMethod,
            EventType.INTERNAL_ERROR,
            Status.INTERNAL_SERVER_ERROR_500,
            ServerResponseHeaders.create(),
            "Internal error");

    assertThat(response.status().code()).isEqualTo(400);
    assertThat(observed).containsExactly("unread 400");
  }

  @Test
  void whileStoppingAServerFailureIsA503ToRetryElsewhere() {
    stopping.set(true);

    TransportResponse response = refuse(EventType.INTERNAL_ERROR, Status.INTERNAL_SERVER_ERROR_500);

    assertThat(response.status().code()).isEqualTo(503);
    assertThat(response.headers().first(HeaderNames.RETRY_AFTER))
        .contains(HttpApi.RETRY_AFTER_SECONDS);
    assertThat(body(response)).contains("\"code\":\"SERVICE_UNAVAILABLE\"");
    assertThat(observed).containsExactly("unread 503");
  }

  @Test
  void headersOverTheLimitAre431WithTheLimitAndOtherBadHeadsStay400() {
    TransportResponse tooLarge =
        refusals.handle(
            TransportRequest.empty(),
            EventType.BAD_REQUEST,
            Status.BAD_REQUEST_400,
            ServerResponseHeaders.create(),
            ServerRefusals.HEADERS_TOO_LARGE);
    TransportResponse otherwise =
        refusals.handle(
            TransportRequest.empty(),
            EventType.BAD_REQUEST,
            Status.BAD_REQUEST_400,
            ServerResponseHeaders.create(),
            "Bad header");

    assertThat(tooLarge.status().code()).isEqualTo(431);
    assertThat(body(tooLarge))
        .isEqualTo(
            "{\"code\":\"REQUEST_HEADER_FIELDS_TOO_LARGE\","
                + "\"message\":\"the request's headers must be at most 16384 bytes in all\"}");
    assertThat(otherwise.status().code()).isEqualTo(400);
    assertThat(observed).containsExactly("unread 431", "unread 400");
  }

  @Test
  void anotherRefusalKeepsItsStatusWithACodeAndNoEcho() {
    TransportResponse response = refuse(EventType.BAD_REQUEST, Status.create(431));

    assertThat(response.status().code()).isEqualTo(431);
    assertThat(response.headers().first(HeaderNames.CONTENT_TYPE)).contains("application/json");
    assertThat(body(response)).contains("\"code\":\"REQUEST_HEADER_FIELDS_TOO_LARGE\"");
  }
}

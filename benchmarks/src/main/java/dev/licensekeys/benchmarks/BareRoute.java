package dev.licensekeys.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The load benchmark's baseline: a bare Helidon SE route that reads the same PATCH body with
 * Jackson and answers a fixed license key of the same size. Its HTTP/1.1 is set up as the
 * service's: requests' headers checked, responses' not, since it sets only constant ones (the
 * service's change 34 in docs/BENCHMARKS.md; with Helidon's default the baseline paid about 1% of
 * its CPU that the service does not). PORT from the environment, and WORK_NANOS (default 0): CPU
 * time to spend on each request before answering, which {@code bench/budget} uses to learn what a
 * given amount of work per request costs in the ratio.
 */
public final class BareRoute {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] ANSWER =
      ("{\"business_id\":\"bus_bench\",\"created_at\":\"2026-01-01T00:00:00Z\",\"customer_id\":\"cus_bench\","
              + "\"id\":\"lic_000000000000000000001\",\"instances_count\":0,\"key\":\"BENCH-000000001\","
              + "\"product_id\":\"pdt_bench\",\"source\":\"import\",\"status\":\"active\",\"activations_limit\":5,"
              + "\"expires_at\":null,\"payment_id\":null,\"subscription_id\":null}")
          .getBytes(StandardCharsets.UTF_8);

  private BareRoute() {}

  public static void main(String[] args) {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8090"));
    long workNanos = Long.parseLong(System.getenv().getOrDefault("WORK_NANOS", "0"));
    WebServer server =
        WebServer.builder()
            .port(port)
            .protocolsDiscoverServices(false)
            .addConnectionSelector(
                Http1ConnectionSelector.builder()
                    .config(
                        Http1Config.builder()
                            .validateRequestHeaders(true)
                            .validateResponseHeaders(false)
                            .build())
                    .build())
            .routing(
                routing ->
                    routing.patch(
                        "/license_keys/{id}",
                        (req, res) -> {
                          try {
                            JSON.readTree(req.content().inputStream());
                          } catch (IOException e) {
                            throw new UncheckedIOException(e);
                          }
                          if (workNanos > 0) {
                            spin(workNanos);
                          }
                          res.header(HeaderNames.CONTENT_TYPE, "application/json");
                          res.send(ANSWER);
                        }))
            .build()
            .start();
    System.out.println("bare route listening on http://localhost:" + server.port());
  }

  /** Busy, not asleep: the point is to use the CPU a service's own work would. */
  private static void spin(long nanos) {
    long end = System.nanoTime() + nanos;
    while (System.nanoTime() - end < 0) {
      Thread.onSpinWait();
    }
  }
}

package dev.licensekeys.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.http.RequestDecoder;
import dev.licensekeys.http.Responses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The wire: a PATCH body to a patch, a key to its JSON; baselines are plain Jackson. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// A heap touched before the first iteration: in a VM, first touching memory is slow enough to
// make one iteration in five read ten times the others (docs/BENCHMARKS.md).
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class WireBenchmarks {

  final ObjectMapper plain = new ObjectMapper();
  final RequestDecoder decoder = new RequestDecoder();
  final byte[] body =
      "{\"activations_limit\": 10, \"disabled\": null, \"expires_at\": \"2030-01-01T00:00:00Z\"}"
          .getBytes(StandardCharsets.UTF_8);
  final Instant now = BenchData.NOW;
  final LicenseKey key = BenchData.KEY;
  final Map<String, Object> sameFields = new LinkedHashMap<>();

  {
    sameFields.put("business_id", "bus_1");
    sameFields.put("created_at", "2026-01-01T00:00:00Z");
    sameFields.put("customer_id", "cus_1");
    sameFields.put("id", "lic_000000000000000000001");
    sameFields.put("instances_count", 2);
    sameFields.put("key", "KEY-1");
    sameFields.put("product_id", "pdt_1");
    sameFields.put("source", "import");
    sameFields.put("status", "active");
    sameFields.put("activations_limit", 5);
    sameFields.put("expires_at", "2030-01-01T00:00:00Z");
    sameFields.put("payment_id", null);
    sameFields.put("subscription_id", null);
  }

  @Benchmark
  public Object patchDecode() {
    return decoder.patch(body);
  }

  /** Baseline of patchDecode: Jackson reading the same bytes into a tree, nothing checked. */
  @Benchmark
  public JsonNode baselineJacksonReadTree() throws IOException {
    return plain.readTree(body);
  }

  @Benchmark
  public byte[] licenseKeyEncode() {
    return Responses.licenseKey(key, now);
  }

  /** Baseline of licenseKeyEncode: Jackson writing a map of the same fields. */
  @Benchmark
  public byte[] baselineJacksonWriteMap() throws IOException {
    return plain.writeValueAsBytes(sameFields);
  }
}

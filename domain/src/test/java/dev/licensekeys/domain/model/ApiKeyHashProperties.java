package dev.licensekeys.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** A secret's hash is SHA-256 in lower-case hex, whichever thread asks and however often. */
class ApiKeyHashProperties {

  @Example
  void hashesAsTheStandardSaysSha256Hashes() {
    // FIPS 180-2's test vector for "abc".
    assertThat(ApiKey.hashSecret("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Property
  void anySecretHashesAsAFreshlyLookedUpSha256Would(@ForAll String secret) throws Exception {
    byte[] expected =
        MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));

    assertThat(ApiKey.hashSecret(secret)).isEqualTo(HexFormat.of().formatHex(expected));
  }

  @Example
  void hashesOnManyThreadsAtOnceDoNotMix() throws Exception {
    List<String> secrets = IntStream.range(0, 2_000).mapToObj(i -> "lk_secret_" + i).toList();
    List<String> expected = secrets.stream().map(ApiKey::hashSecret).toList();

    try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
      List<Future<String>> hashed =
          threads.invokeAll(
              secrets.stream()
                  .map(secret -> (Callable<String>) () -> ApiKey.hashSecret(secret))
                  .toList());
      for (int i = 0; i < secrets.size(); i++) {
        assertThat(hashed.get(i).get()).isEqualTo(expected.get(i));
      }
    }
  }
}

package dev.licensekeys.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.fixtures.TestData;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.LicenseKeyError;
import dev.licensekeys.domain.patch.Change;
import dev.licensekeys.domain.patch.LicenseKeyPatch;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's example of embedding the domain jar: it compiles, passes, and matches the README.
 */
class ReadmeExampleTest {

  private static final Path SOURCE =
      Path.of("src/test/java/dev/licensekeys/domain/ReadmeExampleTest.java");
  private static final Path README = Path.of("../README.md");

  private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  private LicenseKey loadYourKey() {
    return TestData.key("lic_000000000000000000001").limit(2).instancesCount(1).build();
  }

  private String example() {
    // README-EXAMPLE-START
    LicenseKey key = loadYourKey(); // from wherever you keep your keys

    LicenseKeyPatch patch =
        LicenseKeyPatch.KEEP_ALL
            .withActivationsLimit(Change.set(5)) // "activations_limit": 5
            .withExpiresAt(Change.clear()); //      "expires_at": null; "disabled" absent: Keep

    Either<LicenseKeyError, LicenseKey> result = key.apply(patch); // all or nothing

    return result.fold(
        LicenseKeyError::message, // every broken rule, named
        patched -> patched.activationsLimit().get() + " seats, " + patched.status(clock.instant()));
    // README-EXAMPLE-END
  }

  @Test
  void theExampleRunsAsTheReadmeSays() {
    assertThat(example()).isEqualTo("5 seats, ACTIVE");
  }

  @Test
  void theReadmeShowsTheExampleAsItIsHere() throws IOException {
    String source = Files.readString(SOURCE);
    String snippet =
        source.substring(
            source.indexOf("// README-EXAMPLE-START") + "// README-EXAMPLE-START".length(),
            source.indexOf("    // README-EXAMPLE-END"));
    String unindented =
        Arrays.stream(snippet.strip().split("\n"))
            .map(line -> line.startsWith("    ") ? line.substring(4) : line)
            .collect(Collectors.joining("\n"));

    assertThat(Files.readString(README)).contains(unindented);
  }
}

package dev.licensekeys.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class AccessLogProperties {

  @Property
  void durationsReadAsMillisecondsWithThreeDecimals(
      @ForAll @LongRange(min = 0, max = 86_400_000_000_000L) long nanos) {
    // What String.format printed before, truncated instead of rounded.
    String formatted =
        String.format(Locale.ROOT, "%.3f", (nanos / 1_000) / 1_000.0).replace(",", "");
    assertThat(AccessLog.milliseconds(nanos)).isEqualTo(formatted);
  }

  @Example
  void aDurationKeepsItsLeadingZeros() {
    assertThat(AccessLog.milliseconds(0)).isEqualTo("0.000");
    assertThat(AccessLog.milliseconds(1_005_000)).isEqualTo("1.005");
    assertThat(AccessLog.milliseconds(12_345_678_999L)).isEqualTo("12345.678");
  }

  @Property(tries = 200)
  void requestIdsAreVersionFourUuids() {
    UUID id = UUID.fromString(AccessLog.newRequestId());
    assertThat(id.version()).isEqualTo(4);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(AccessLog.newRequestId()).isNotEqualTo(id.toString());
  }
}

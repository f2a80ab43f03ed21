package dev.licensekeys.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.model.Ids;
import dev.licensekeys.domain.port.out.IdGenerator;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@code IdGenerator} must do: well-formed ids, never the same twice. */
public abstract class IdGeneratorContract {

  protected abstract IdGenerator newGenerator();

  @Test
  void idsAreWellFormedAndNeverRepeat() {
    IdGenerator ids = newGenerator();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String key = ids.newLicenseKeyId();
      String instance = ids.newInstanceId();
      assertThat(Ids.isLicenseKeyId(key)).as(key).isTrue();
      assertThat(Ids.isInstanceId(instance)).as(instance).isTrue();
      assertThat(seen.add(key)).as("repeated " + key).isTrue();
      assertThat(seen.add(instance)).as("repeated " + instance).isTrue();
    }
  }
}

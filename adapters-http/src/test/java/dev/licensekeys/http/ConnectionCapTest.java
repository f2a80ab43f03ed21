package dev.licensekeys.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ConnectionCapTest {

  @Test
  void theCapLeavesTheOpenFilesAndTheHeadroomFree() {
    assertThat(ConnectionCap.of(512, 82)).isEqualTo(512 - 82 - 128);
    assertThat(ConnectionCap.of(150, 82)).isEqualTo(1);
    assertThat(ConnectionCap.of(Long.MAX_VALUE, 82)).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void theLimitIsTheSoftOneOfMaxOpenFiles() {
    List<String> limits =
        List.of(
            "Limit                     Soft Limit           Hard Limit           Units     ",
            "Max processes             unlimited            unlimited            processes ",
            "Max open files            20000                40000                files     ");

    assertThat(ConnectionCap.openFileLimit(limits)).isEqualTo(OptionalLong.of(20000));
    assertThat(
            ConnectionCap.openFileLimit(
                List.of(
                    "Max open files            unlimited            unlimited            files")))
        .isEmpty();
    assertThat(ConnectionCap.openFileLimit(List.of())).isEmpty();
  }

  @Test
  void thisProcessHasACapBelowItsLimit() {
    assertThat(ConnectionCap.ofThisProcess()).isPositive();
  }
}

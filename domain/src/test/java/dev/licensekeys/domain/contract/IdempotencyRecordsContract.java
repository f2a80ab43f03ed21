package dev.licensekeys.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.port.out.IdempotencyRecords;
import dev.licensekeys.domain.port.out.IdempotencyRecords.Claim;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@code IdempotencyRecords} adapter must do. */
public abstract class IdempotencyRecordsContract {

  private static final Instant NOW = Instant.parse("2026-07-01T12:00:00Z");

  private IdempotencyRecords records;
  private String key;

  protected abstract IdempotencyRecords newRecords();

  @BeforeEach
  void fresh() {
    records = newRecords();
    key = "idem-" + UUID.randomUUID();
  }

  @Test
  void aNewKeyIsClaimedAndItsAnswerReplayed() {
    assertThat(records.claim("public", key, "f1", NOW)).isInstanceOf(Claim.Claimed.class);
    records.complete("public", key, 201, "{\"id\":1}".getBytes(StandardCharsets.UTF_8));

    Claim again = records.claim("public", key, "f1", NOW.plusSeconds(5));

    assertThat(again)
        .isInstanceOfSatisfying(
            Claim.Replay.class,
            replay -> {
              assertThat(replay.status()).isEqualTo(201);
              assertThat(new String(replay.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":1}");
            });
  }

  @Test
  void theSameKeyWithAnotherRequestIsAMismatchAndAnotherScopeIsAnotherKey() {
    records.claim("public", key, "f1", NOW);
    records.complete("public", key, 201, new byte[0]);

    assertThat(records.claim("public", key, "f2", NOW)).isInstanceOf(Claim.Mismatch.class);
    assertThat(records.claim("business:b", key, "f2", NOW)).isInstanceOf(Claim.Claimed.class);
  }

  @Test
  void anUnfinishedClaimIsInProgressUntilItIsAbandoned() {
    records.claim("public", key, "f1", NOW);

    assertThat(records.claim("public", key, "f1", NOW.plusSeconds(10)))
        .isInstanceOf(Claim.InProgress.class);
    assertThat(records.claim("public", key, "f1", NOW.plusSeconds(61)))
        .isInstanceOf(Claim.Claimed.class);
  }

  @Test
  void aReleasedClaimCanBeClaimedAgainAndRecordsExpireAfterADay() {
    records.claim("public", key, "f1", NOW);
    records.release("public", key);
    assertThat(records.claim("public", key, "f1", NOW)).isInstanceOf(Claim.Claimed.class);
    records.complete("public", key, 200, new byte[0]);

    assertThat(records.claim("public", key, "f2", NOW.plus(Duration.ofDays(1)).plusSeconds(1)))
        .isInstanceOf(Claim.Claimed.class);
  }
}

package dev.licensekeys.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.licensekeys.domain.fixtures.RecordedLog;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FailureStreakTest {

  private final Logger log = Logger.getLogger(FailureStreakTest.class.getName());
  private RecordedLog recorded;
  private List<LogRecord> records;

  private final FailureStreak streak = new FailureStreak(log, "compacting", 10);
  private final RuntimeException cause = new IllegalStateException("file unreadable");

  @BeforeEach
  void recordEveryLevel() {
    recorded = RecordedLog.of(log.getName());
    records = recorded.records();
  }

  @AfterEach
  void stopRecording() {
    recorded.close();
  }

  @Test
  void theFirstFailureIsAWarningWithItsCause() {
    streak.failed(cause);

    assertThat(warnings()).hasSize(1);
    assertThat(warnings().getFirst().getMessage()).isEqualTo("compacting failed; trying again");
    assertThat(warnings().getFirst().getThrown()).isSameAs(cause);
  }

  @Test
  void aLongStreakWarnsOnceEveryReminderPeriod() {
    for (int i = 0; i < 25; i++) {
      streak.failed(cause);
    }

    assertThat(warnings())
        .extracting(LogRecord::getMessage)
        .containsExactly(
            "compacting failed; trying again",
            "compacting still fails: 10 times in a row",
            "compacting still fails: 20 times in a row");
    assertThat(records).hasSize(25);
  }

  @Test
  void recoveryIsNamedOnceAndStartsANewStreak() {
    streak.failed(cause);
    streak.failed(cause);
    streak.succeeded();
    streak.succeeded();
    streak.failed(cause);

    assertThat(records)
        .filteredOn(record -> record.getLevel() == Level.INFO)
        .extracting(LogRecord::getMessage)
        .containsExactly("compacting works again after 2 failures in a row");
    assertThat(warnings())
        .extracting(LogRecord::getMessage)
        .containsExactly("compacting failed; trying again", "compacting failed; trying again");
  }

  @Test
  void successesAloneLogNothing() {
    streak.succeeded();
    streak.succeeded();

    assertThat(records).isEmpty();
  }

  @Test
  void aReminderPeriodBelowOneIsABug() {
    assertThatThrownBy(() -> new FailureStreak(log, "compacting", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private List<LogRecord> warnings() {
    return records.stream().filter(record -> record.getLevel() == Level.WARNING).toList();
  }
}

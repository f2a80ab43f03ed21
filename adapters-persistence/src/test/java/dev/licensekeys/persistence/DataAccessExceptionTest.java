package dev.licensekeys.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataAccessExceptionTest {

  @ParameterizedTest
  @CsvSource({
    "23505, true", // a unique index
    "22001, true", // a value too long
    "40001, true", // a serialization failure
    "57014, true", // H2's auto-server: a wait for a row lock ran out
    "HYT00, true", // H2: a lock timeout
    "08001, false", // no connection
    "28P01, false", // a wrong password
    "3D000, false", // no such database
    "42P01, false", // no such table: the migrations, not the work
    "90067, false" // H2: the connection broke
  })
  void aRefusalIsADatabaseReachedThatTookTheWorkBadly(String state, boolean refusal) {
    SQLException cause = new SQLException("the database's words", state);

    assertThat(DataAccessException.isRefusal(new DataAccessException("working failed", cause)))
        .isEqualTo(refusal);
    assertThat(DataAccessException.isRefusal(new IllegalStateException("wrapped", cause)))
        .isEqualTo(refusal);
  }

  @Test
  void aFailureWithoutASqlStateIsNoRefusal() {
    assertThat(DataAccessException.isRefusal(new IllegalStateException("no SQL at all"))).isFalse();
    assertThat(DataAccessException.isRefusal(new SQLException("no state"))).isFalse();
  }
}

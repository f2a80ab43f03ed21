package dev.licensekeys.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TransactionsTest {

  private final Transactions transactions =
      new Transactions(
          TestDatabases.unpooled(
              new DatabaseSettings("jdbc:h2:mem:transactions;DB_CLOSE_DELAY=-1", "sa", "", 1)));

  @Test
  void aFailureWithoutASqlStateIsADatabaseFailureNotRetried() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    "writing",
                    connection -> {
                      attempts.incrementAndGet();
                      throw new SQLException("no state, as H2 throws some");
                    }))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("writing failed");
    assertThat(attempts).hasValue(1);
  }

  @Test
  void aSerializationFailureIsRunAgain() {
    AtomicInteger attempts = new AtomicInteger();

    String result =
        transactions.inTransaction(
            "writing",
            connection -> {
              if (attempts.incrementAndGet() < 3) {
                throw new SQLException("could not serialize access", "40001");
              }
              return "done";
            });

    assertThat(result).isEqualTo("done");
    assertThat(attempts).hasValue(3);
  }
}

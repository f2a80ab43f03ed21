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
  void aFailureAfterTheCommitDoesNotRunCommittedWorkAgain() throws Exception {
    javax.sql.DataSource h2 =
        TestDatabases.unpooled(
            new DatabaseSettings("jdbc:h2:mem:after-commit;DB_CLOSE_DELAY=-1", "sa", "", 1));
    // A connection that breaks as it is given back: its autocommit cannot be restored.
    javax.sql.DataSource breaking =
        (javax.sql.DataSource)
            java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {javax.sql.DataSource.class},
                (source, method, arguments) -> {
                  Object result = method.invoke(h2, arguments);
                  return method.getName().equals("getConnection")
                      ? breakingOnGiveBack((java.sql.Connection) result)
                      : result;
                });
    AtomicInteger attempts = new AtomicInteger();

    String result =
        new Transactions(breaking)
            .inTransaction(
                "writing",
                connection -> {
                  attempts.incrementAndGet();
                  return "done";
                });

    assertThat(result).isEqualTo("done");
    assertThat(attempts).hasValue(1);
  }

  private static java.sql.Connection breakingOnGiveBack(java.sql.Connection connection) {
    return (java.sql.Connection)
        java.lang.reflect.Proxy.newProxyInstance(
            TransactionsTest.class.getClassLoader(),
            new Class<?>[] {java.sql.Connection.class},
            (proxy, method, arguments) -> {
              if (method.getName().equals("setAutoCommit") && Boolean.TRUE.equals(arguments[0])) {
                throw new SQLException("the connection broke", "40001");
              }
              try {
                return method.invoke(connection, arguments);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
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

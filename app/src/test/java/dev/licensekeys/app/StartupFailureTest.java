package dev.licensekeys.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.persistence.DatabaseSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupFailureTest {

  private final Configuration configuration =
      new Configuration(8080, new DatabaseSettings("jdbc:postgresql://db/keys", "u", "p", 2));
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void aDatabaseFailurePointsAtTheDatabaseSettings() {
    int exitCode =
        guard(new IllegalStateException("pool", new SQLException("Connection refused", "08001")));

    assertThat(exitCode).isEqualTo(Cli.BAD_INPUT);
    assertThat(err())
        .isEqualTo(
            "license-keys could not start: Connection refused. Check DATABASE_URL"
                + " (jdbc:postgresql://db/keys), DATABASE_USER and DATABASE_PASSWORD, and that the"
                + " database is running."
                + System.lineSeparator());
  }

  @Test
  void aRefusalByADatabaseItReachedDoesNotPointAtTheDatabaseSettings() {
    int exitCode =
        guard(
            new IllegalStateException(
                "importing failed",
                new SQLException("Statement was canceled or the session timed out", "57014")));

    assertThat(exitCode).isEqualTo(Cli.BAD_INPUT);
    assertThat(err())
        .isEqualTo(
            "license-keys could not start: the database refused it: Statement was canceled or the"
                + " session timed out."
                + System.lineSeparator());
  }

  @Test
  void anyOtherFailureSaysWhatItIsWithoutBlamingTheDatabase() {
    int exitCode = guard(new IllegalArgumentException("Signal already used by VM or OS: SIGTERM"));

    assertThat(exitCode).isEqualTo(Cli.BAD_INPUT);
    assertThat(err())
        .isEqualTo(
            "license-keys could not start: Signal already used by VM or OS: SIGTERM"
                + " (java.lang.IllegalArgumentException; LOG_LEVEL=debug shows where)."
                + System.lineSeparator())
        .doesNotContain("DATABASE_URL");
  }

  private int guard(RuntimeException failure) {
    return StartupFailure.guard(
        configuration,
        Map.of(),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        "could not start",
        () -> {
          throw failure;
        });
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}

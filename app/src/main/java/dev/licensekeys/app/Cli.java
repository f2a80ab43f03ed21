package dev.licensekeys.app;

import dev.licensekeys.domain.model.ApiKey;
import dev.licensekeys.persistence.ColumnLengths;
import dev.licensekeys.persistence.Database;
import dev.licensekeys.persistence.JdbcAdapters;
import io.vavr.control.Either;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * The jar's commands: {@code serve} (the default) and the operators' {@code api-key} and {@code
 * import}. Exit codes: 0 done, 1 bad input or an unusable database, 2 a usage error.
 */
@Command(
    name = "license-keys",
    mixinStandardHelpOptions = true,
    version = "license-keys 0.1.0",
    description = "Software license keys, wire-compatible with Dodo Payments' license-key API.",
    subcommands = {Cli.Serve.class, Cli.ApiKeys.class, ImportCommand.class},
    footer = {
      "",
      "Environment: PORT (serve), DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD, LOG_LEVEL=debug."
    })
public final class Cli implements Callable<Integer> {

  static final int OK = 0;
  static final int BAD_INPUT = 1;

  final Map<String, String> environment;
  final PrintStream out;
  final PrintStream err;
  final Clock clock;

  Cli(Map<String, String> environment, PrintStream out, PrintStream err, Clock clock) {
    this.environment = environment;
    this.out = out;
    this.err = err;
    this.clock = clock;
  }

  /** Runs one command line and returns its exit code; {@code serve} returns only if it fails. */
  public static int run(
      String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
    Cli cli = new Cli(environment, out, err, Clock.systemUTC());
    if (args.length == 0) {
      // Nothing to parse: serve without picocli. Its classes are too old a class-file version
      // for the start-up class cache; loading them from the jar cost each start about 70 ms.
      return cli.call();
    }
    return new CommandLine(cli)
        .setOut(new java.io.PrintWriter(out, true))
        .setErr(new java.io.PrintWriter(err, true))
        .execute(args);
  }

  @Override
  public Integer call() {
    return new Serve(this).call();
  }

  /** The configuration, or exit code 1 after one line saying what is wrong. */
  Either<Integer, Configuration> configuration() {
    return Configuration.fromEnvironment(environment)
        .mapLeft(
            problem -> {
              err.println("license-keys: " + problem);
              return BAD_INPUT;
            });
  }

  /** Opens the database for the command {@code name}, runs it, closes the database. */
  int withDatabase(String name, Function<JdbcAdapters, Integer> command) {
    return configuration()
        .fold(
            code -> code,
            configuration ->
                StartupFailure.guard(
                    configuration,
                    environment,
                    err,
                    name + " failed",
                    () -> {
                      try (Database database = Database.open(configuration.database())) {
                        return command.apply(JdbcAdapters.over(database));
                      }
                    }));
  }

  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = "Serve the API (the default).")
  static final class Serve implements Callable<Integer> {

    @ParentCommand Cli cli;

    Serve() {}

    Serve(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      return cli.configuration()
          .fold(
              code -> code,
              configuration ->
                  StartupFailure.guard(
                      configuration,
                      cli.environment,
                      cli.err,
                      "could not start",
                      () -> {
                        Application application =
                            Application.start(configuration, cli.clock, cli.out, cli.out);
                        GracefulStop.install(application, cli.out);
                        // Said only once a signal stops the service gracefully: said before, a
                        // Ctrl-C or SIGTERM sent as soon as the line appeared found the JVM's own
                        // handling (exit 130 or 143, H2's hook closing the database under
                        // requests).
                        cli.out.println(
                            "license-keys listening on http://localhost:" + application.port());
                        awaitShutdown();
                        return OK;
                      }));
    }

    /** The JVM ends once {@link GracefulStop} has stopped the server; nothing to wait for here. */
    private static void awaitShutdown() {
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Command(
      name = "api-key",
      mixinStandardHelpOptions = true,
      description = "Create, list and revoke API keys.",
      subcommands = {ApiKeys.Create.class, ApiKeys.ListKeys.class, ApiKeys.Revoke.class})
  static final class ApiKeys implements Callable<Integer> {

    @ParentCommand Cli cli;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "api-key needs a command: create, list or revoke");
    }

    @Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = "Create an API key and print its secret, once; only its hash is stored.")
    static final class Create implements Callable<Integer> {
      @ParentCommand ApiKeys apiKeys;

      @Option(names = "--business", required = true, description = "The business it acts for.")
      String business;

      @Option(names = "--brand", description = "The brand it acts for, if one.")
      String brand;

      @Option(names = "--name", defaultValue = "api key", description = "A label for people.")
      String name;

      @Override
      public Integer call() {
        Cli cli = apiKeys.cli;
        io.vavr.control.Option<String> problem =
            OptionText.problem("--business", business, ColumnLengths.ID)
                .orElse(
                    () ->
                        brand == null
                            ? io.vavr.control.Option.none()
                            : OptionText.problem("--brand", brand, ColumnLengths.ID))
                .orElse(() -> OptionText.problem("--name", name, ColumnLengths.TEXT));
        if (problem.isDefined()) {
          cli.err.println(problem.get());
          return BAD_INPUT;
        }
        return cli.withDatabase(
            "api-key create",
            adapters -> {
              String secret = Secrets.newSecret();
              ApiKey key =
                  ApiKey.issued(
                      Secrets.newApiKeyId(),
                      business,
                      io.vavr.control.Option.of(brand),
                      name,
                      ApiKey.hashSecret(secret),
                      cli.clock.instant());
              adapters.apiKeys().add(key);
              cli.out.println("Created API key " + key.id() + " for business " + business + ".");
              cli.out.println("Its secret, shown this once and stored only as a hash:");
              cli.out.println(secret);
              return OK;
            });
      }
    }

    @Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List a business's API keys (never their secrets).")
    static final class ListKeys implements Callable<Integer> {
      @ParentCommand ApiKeys apiKeys;

      @Option(names = "--business", required = true, description = "The business.")
      String business;

      @Override
      public Integer call() {
        Cli cli = apiKeys.cli;
        return cli.withDatabase(
            "api-key list",
            adapters -> {
              cli.out.printf(
                  "%-25s %-20s %-28s %-28s %s%n", "ID", "NAME", "CREATED", "LAST USED", "STATE");
              for (ApiKey key : adapters.apiKeys().list(business)) {
                cli.out.printf(
                    "%-25s %-20s %-28s %-28s %s%n",
                    key.id(),
                    key.name(),
                    key.createdAt(),
                    key.lastUsedAt().map(Instant::toString).getOrElse("never"),
                    key.revokedAt().map(at -> "revoked " + at).getOrElse("active"));
              }
              return OK;
            });
      }
    }

    @Command(
        name = "revoke",
        mixinStandardHelpOptions = true,
        description = "Revoke an API key: it stops working at once.")
    static final class Revoke implements Callable<Integer> {
      @ParentCommand ApiKeys apiKeys;

      @Parameters(paramLabel = "<key id>", description = "The id that create or list printed.")
      String keyId;

      @Override
      public Integer call() {
        Cli cli = apiKeys.cli;
        return cli.withDatabase(
            "api-key revoke",
            adapters ->
                adapters
                    .apiKeys()
                    .revoke(keyId, cli.clock.instant())
                    .map(
                        revoked -> {
                          cli.out.println("Revoked " + revoked.id() + ".");
                          return OK;
                        })
                    .getOrElse(
                        () -> {
                          cli.err.println(
                              "license-keys: no active API key " + keyId + " (see api-key list)");
                          return BAD_INPUT;
                        }));
      }
    }
  }
}

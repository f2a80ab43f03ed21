package dev.licensekeys.app;

import dev.licensekeys.domain.port.out.BulkImports;
import dev.licensekeys.persistence.ColumnLengths;
import dev.licensekeys.persistence.DataAccessException;
import dev.licensekeys.persistence.JdbcAdapters;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code import <file.jsonl> --business <id>}: all or nothing, and idempotent. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import customers, products and license keys from a JSON Lines file, in one transaction.",
      "Lines: {\"type\":\"customer\",\"customer_id\",\"name\",\"email\"},"
          + " {\"type\":\"product\",\"product_id\",\"name\"?,\"brand_id\"?},"
          + " {\"type\":\"license_key\",\"key\",\"customer_id\",\"product_id\",\"activations_limit\"?,"
          + "\"expires_at\"?,\"instances_count\"?(0),\"source\"?,\"disabled\"?,\"id\"?,...}.",
      "A file with any bad line imports nothing; importing a file twice changes nothing."
    })
final class ImportCommand implements Callable<Integer> {

  /** Files with more lines than this get progress lines on stderr. */
  static final int PROGRESS_FROM_LINES = 10_000;

  @ParentCommand Cli cli;

  @Parameters(paramLabel = "<file.jsonl>", description = "The file to import.")
  Path file;

  @Option(names = "--business", required = true, description = "The business it belongs to.")
  String business;

  @Override
  public Integer call() {
    if (!Files.isReadable(file)) {
      cli.err.println("license-keys: cannot read " + file);
      return Cli.BAD_INPUT;
    }
    io.vavr.control.Option<String> problem =
        OptionText.problem("--business", business, ColumnLengths.ID);
    if (problem.isDefined()) {
      cli.err.println(problem.get());
      return Cli.BAD_INPUT;
    }
    return cli.withDatabase("import", this::importWith);
  }

  private int importWith(JdbcAdapters adapters) {
    Instant now = cli.clock.instant();
    ImportFile.Contents contents;
    try (InputStream lines = Files.newInputStream(file)) {
      contents =
          ImportFile.read(
              lines,
              business,
              adapters.ids(),
              now,
              new ImportFile.Stored() {
                @Override
                public boolean hasCustomer(String customerId) {
                  return adapters.customers().findById(business, customerId).isDefined();
                }

                @Override
                public io.vavr.control.Option<dev.licensekeys.domain.model.Product> product(
                    String productId) {
                  return adapters.products().findById(business, productId);
                }

                @Override
                public Map<String, String> keyStringsOf(io.vavr.collection.List<String> keyIds) {
                  return adapters.bulkImports().keyStringsOf(keyIds);
                }
              },
              read -> cli.err.println("license-keys: read " + read + " lines"));
    } catch (IOException e) {
      cli.err.println("license-keys: cannot read " + file + ": " + e.getMessage());
      return Cli.BAD_INPUT;
    }
    if (!contents.problems().isEmpty()) {
      contents.problems().forEach(cli.err::println);
      cli.err.println(
          "license-keys: nothing imported: "
              + contents.problems().size()
              + " problem(s) in "
              + file);
      return Cli.BAD_INPUT;
    }
    int total = contents.keys().size();
    IntConsumer progress = total > PROGRESS_FROM_LINES ? new ProgressLines(total) : done -> {};
    Either<Seq<String>, BulkImports.Imported> result;
    try {
      result =
          adapters
              .bulkImports()
              .importAll(
                  business,
                  contents.customers(),
                  contents.products(),
                  contents.keys(),
                  now,
                  progress);
    } catch (DataAccessException e) {
      if (!e.isUniqueViolation()) {
        throw e;
      }
      // The import plans again after a race on key strings; what still breaks is an id.
      cli.err.println(
          "license-keys: nothing imported: another writer stored a key with one of this file's ids"
              + " while it was imported ("
              + StartupFailure.rootMessage(e)
              + "); import it again to have its line named");
      return Cli.BAD_INPUT;
    }
    return result.fold(
        taken -> {
          taken.forEach(
              key ->
                  cli.err.println(
                      "line "
                          + contents.lineOfKey().get(key)
                          + ": key belongs to another business"));
          cli.err.println("license-keys: nothing imported: key strings held by another business");
          return Cli.BAD_INPUT;
        },
        imported -> {
          cli.out.println(
              "Imported into "
                  + business
                  + ": "
                  + imported.customers()
                  + " customers, "
                  + imported.products()
                  + " products, "
                  + imported.keysAdded()
                  + " new license keys ("
                  + imported.keysAlreadyThere()
                  + " already there).");
          return Cli.OK;
        });
  }

  /** A line each time the keys handled pass another {@link #PROGRESS_FROM_LINES}. */
  private final class ProgressLines implements IntConsumer {

    private final int total;
    private int shown;

    ProgressLines(int total) {
      this.total = total;
    }

    @Override
    public void accept(int handled) {
      if (handled / PROGRESS_FROM_LINES > shown / PROGRESS_FROM_LINES) {
        shown = handled;
        cli.err.println("license-keys: handled " + handled + " of " + total + " keys");
      }
    }
  }
}

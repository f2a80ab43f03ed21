package dev.licensekeys.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.fixtures.TestData;
import dev.licensekeys.domain.model.AuditOperation;
import dev.licensekeys.domain.model.Customer;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.LicenseKeyFilter;
import dev.licensekeys.domain.model.PageRequest;
import dev.licensekeys.domain.model.Product;
import dev.licensekeys.domain.port.out.BulkImports.Imported;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/** What every {@code BulkImports} adapter must do: all or nothing, and idempotent. */
public abstract class BulkImportsContract extends OutPortsContract {

  private final Customer customer =
      new Customer("cus_bulk", TestData.BUSINESS, "Bulk", "b@x.example");
  private final Product product =
      new Product("pdt_bulk", TestData.BUSINESS, TestData.BRAND, Option.none());

  private List<LicenseKey> keys(int count) {
    return List.range(0, count)
        .map(
            i ->
                newKey()
                    .customer("cus_bulk")
                    .product("pdt_bulk")
                    .keyString("BULK-" + i)
                    .limit(i % 3 == 0 ? null : i)
                    .createdAt(TestData.T0.plusSeconds(i))
                    .build());
  }

  private Either<Seq<String>, Imported> importAll(List<LicenseKey> keys, IntConsumer progress) {
    return ports
        .bulkImports()
        .importAll(
            TestData.BUSINESS,
            List.of(customer),
            List.of(product),
            keys,
            clock.instant(),
            progress);
  }

  @Test
  void everythingIsWrittenWithAnImportEventPerKey() {
    List<LicenseKey> keys = keys(25);
    AtomicInteger progress = new AtomicInteger();

    Either<Seq<String>, Imported> result = importAll(keys, progress::set);

    assertThat(result).isEqualTo(Either.right(new Imported(1, 1, 25, 0)));
    assertThat(progress).hasValue(25);
    assertThat(ports.customers().findById(TestData.BUSINESS, "cus_bulk")).containsExactly(customer);
    assertThat(ports.products().findById(TestData.BUSINESS, "pdt_bulk")).containsExactly(product);
    assertThat(
            ports
                .licenseKeys()
                .list(
                    TestData.BUSINESS,
                    LicenseKeyFilter.ALL.withCustomerId("cus_bulk"),
                    new PageRequest(100, 0),
                    clock.instant()))
        .containsExactlyInAnyOrderElementsOf(keys);
    assertThat(
            ports
                .auditTrail()
                .eventsOf(TestData.BUSINESS, keys.head().id())
                .map(e -> e.operation()))
        .containsExactly(AuditOperation.IMPORT);
  }

  @Test
  void importingTheSameKeysAgainChangesNothing() {
    List<LicenseKey> keys = keys(5);
    importAll(keys, n -> {});
    List<LicenseKey> again = keys(5);

    Either<Seq<String>, Imported> second = importAll(again, n -> {});

    assertThat(second).isEqualTo(Either.right(new Imported(1, 1, 0, 5)));
    assertThat(ports.licenseKeys().findByKey("BULK-0")).containsExactly(keys.head());
    assertThat(ports.auditTrail().eventsOf(TestData.BUSINESS, keys.head().id())).hasSize(1);
  }

  @Test
  void progressCountsTheKeysAlreadyThereAndReachesEveryKeyOnce() {
    java.util.List<Integer> first = new java.util.ArrayList<>();
    java.util.List<Integer> second = new java.util.ArrayList<>();

    importAll(keys(2_000), first::add);
    importAll(keys(2_500), second::add);

    assertThat(first).isSorted().doesNotHaveDuplicates().endsWith(2_000);
    assertThat(second).isSorted().doesNotHaveDuplicates().endsWith(2_500);
    assertThat(second).allSatisfy(handled -> assertThat(handled).isGreaterThanOrEqualTo(2_000));
  }

  @Test
  void aKeyStringRepeatedInOneImportIsAddedOnce() {
    List<LicenseKey> keys = keys(3);
    LicenseKey repeat =
        newKey().customer("cus_bulk").product("pdt_bulk").keyString("BULK-1").build();

    Either<Seq<String>, Imported> result = importAll(keys.append(repeat), n -> {});

    assertThat(result).isEqualTo(Either.right(new Imported(1, 1, 3, 1)));
    assertThat(ports.licenseKeys().findByKey("BULK-1")).containsExactly(keys.get(1));
    assertThat(ports.licenseKeys().findById(TestData.BUSINESS, repeat.id())).isEmpty();
  }

  @Test
  void aKeyStringOfAnotherBusinessStopsTheWholeImport() {
    stored(newKey().business(TestData.OTHER_BUSINESS).keyString("BULK-3"));

    Either<Seq<String>, Imported> result = importAll(keys(5), n -> {});

    assertThat(result).isEqualTo(Either.left(List.of("BULK-3")));
    assertThat(ports.licenseKeys().findByKey("BULK-0")).isEmpty();
    assertThat(ports.customers().findById(TestData.BUSINESS, "cus_bulk")).isEmpty();
  }
}

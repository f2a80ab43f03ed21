package dev.licensekeys.domain.port.out;

import dev.licensekeys.domain.model.Customer;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.Product;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.function.IntConsumer;

/** Many customers, products and keys of one business written at once: all of them or none. */
public interface BulkImports {

  /**
   * In one transaction: adds or updates the customers and products, adds every key whose string is
   * new, and skips keys whose string this business already has, so that importing the same batch
   * twice changes nothing the second time. Each added key gets an import event at {@code at}. Left,
   * with nothing written, names the key strings another business already holds. {@code progress}
   * hears how many keys have been handled so far, now and then.
   */
  Either<Seq<String>, Imported> importAll(
      String businessId,
      Seq<Customer> customers,
      Seq<Product> products,
      Seq<LicenseKey> keys,
      Instant at,
      IntConsumer progress);

  /** What an import did: keys added and keys that were there already. */
  record Imported(int customers, int products, int keysAdded, int keysAlreadyThere) {}
}

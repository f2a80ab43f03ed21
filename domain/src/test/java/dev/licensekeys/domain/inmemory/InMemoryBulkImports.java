package dev.licensekeys.domain.inmemory;

import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.Customer;
import dev.licensekeys.domain.model.ImportPlan;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.Product;
import dev.licensekeys.domain.port.out.BulkImports;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.function.IntConsumer;

public final class InMemoryBulkImports implements BulkImports {

  private final InMemoryState state;

  InMemoryBulkImports(InMemoryState state) {
    this.state = state;
  }

  @Override
  public Either<Seq<String>, Imported> importAll(
      String businessId,
      Seq<Customer> customers,
      Seq<Product> products,
      Seq<LicenseKey> keys,
      Instant at,
      IntConsumer progress) {
    synchronized (state) {
      ImportPlan plan =
          ImportPlan.of(
              businessId,
              keys,
              key ->
                  Option.of(state.keyIdsByKeyString.get(key))
                      .map(state.keysById::get)
                      .map(LicenseKey::businessId));
      if (!plan.taken().isEmpty()) {
        return Either.left(plan.taken());
      }
      customers.forEach(
          customer ->
              state.customers.put(InMemoryState.scoped(businessId, customer.id()), customer));
      products.forEach(
          product -> state.products.put(InMemoryState.scoped(businessId, product.id()), product));
      for (LicenseKey key : plan.toAdd()) {
        state.keysById.put(key.id(), key);
        state.keyIdsByKeyString.put(key.key(), key.id());
        state.auditLog.append(AuditEvent.keyCreated(key, at, Option.none()));
      }
      progress.accept(keys.size());
      return Either.right(
          new Imported(
              customers.size(), products.size(), plan.toAdd().size(), plan.alreadyThere()));
    }
  }
}

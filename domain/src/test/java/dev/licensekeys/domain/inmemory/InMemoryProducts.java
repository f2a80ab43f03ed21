package dev.licensekeys.domain.inmemory;

import dev.licensekeys.domain.model.Product;
import dev.licensekeys.domain.port.out.Products;
import io.vavr.control.Option;

public final class InMemoryProducts implements Products {

  private final InMemoryState state;

  InMemoryProducts(InMemoryState state) {
    this.state = state;
  }

  @Override
  public Option<Product> findById(String businessId, String productId) {
    synchronized (state) {
      return Option.of(state.products.get(InMemoryState.scoped(businessId, productId)));
    }
  }

  @Override
  public void put(Product product) {
    synchronized (state) {
      state.products.put(InMemoryState.scoped(product.businessId(), product.id()), product);
    }
  }
}

package dev.licensekeys.domain.port.out;

import dev.licensekeys.domain.model.Product;
import io.vavr.control.Option;

/** The products of each business, as far as license keys need them. */
public interface Products {

  Option<Product> findById(String businessId, String productId);

  /** Adds the product, or replaces the one with the same business and id. */
  void put(Product product);
}

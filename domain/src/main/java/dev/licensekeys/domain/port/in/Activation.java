package dev.licensekeys.domain.port.in;

import dev.licensekeys.domain.model.Customer;
import dev.licensekeys.domain.model.LicenseKeyInstance;
import dev.licensekeys.domain.model.Product;
import java.util.Objects;

/** A new instance, with the customer and product the activation response shows. */
public record Activation(LicenseKeyInstance instance, Customer customer, Product product) {
  public Activation {
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(product, "product");
  }
}

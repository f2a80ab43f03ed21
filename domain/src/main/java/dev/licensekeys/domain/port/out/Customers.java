package dev.licensekeys.domain.port.out;

import dev.licensekeys.domain.model.Customer;
import io.vavr.control.Option;

/** The customers of each business, as far as license keys need them. */
public interface Customers {

  Option<Customer> findById(String businessId, String customerId);

  /** Adds the customer, or replaces the one with the same business and id. */
  void put(Customer customer);
}

package dev.licensekeys.domain.inmemory;

import dev.licensekeys.domain.model.Customer;
import dev.licensekeys.domain.port.out.Customers;
import io.vavr.control.Option;

public final class InMemoryCustomers implements Customers {

  private final InMemoryState state;

  InMemoryCustomers(InMemoryState state) {
    this.state = state;
  }

  @Override
  public Option<Customer> findById(String businessId, String customerId) {
    synchronized (state) {
      return Option.of(state.customers.get(InMemoryState.scoped(businessId, customerId)));
    }
  }

  @Override
  public void put(Customer customer) {
    synchronized (state) {
      state.customers.put(InMemoryState.scoped(customer.businessId(), customer.id()), customer);
    }
  }
}

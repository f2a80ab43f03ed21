package dev.licensekeys.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.fixtures.TestData;
import dev.licensekeys.domain.model.Customer;
import dev.licensekeys.domain.model.Product;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/** What every {@code Customers} and {@code Products} adapter must do. */
public abstract class DirectoriesContract extends OutPortsContract {

  @Test
  void aCustomerIsFoundInItsBusinessOnly() {
    Customer customer = new Customer("cus_new", TestData.BUSINESS, "Grace Hopper", "g@h.example");

    ports.customers().put(customer);

    assertThat(ports.customers().findById(TestData.BUSINESS, "cus_new")).containsExactly(customer);
    assertThat(ports.customers().findById(TestData.OTHER_BUSINESS, "cus_new")).isEmpty();
  }

  @Test
  void puttingACustomerAgainReplacesIt() {
    Customer renamed =
        new Customer(TestData.CUSTOMER, TestData.BUSINESS, "Ada King", "ada@k.example");

    ports.customers().put(renamed);

    assertThat(ports.customers().findById(TestData.BUSINESS, TestData.CUSTOMER))
        .containsExactly(renamed);
    assertThat(ports.customers().findById(TestData.OTHER_BUSINESS, TestData.CUSTOMER))
        .containsExactly(TestData.customer(TestData.OTHER_BUSINESS));
  }

  @Test
  void aProductIsFoundInItsBusinessOnlyAndItsNameIsOptional() {
    Product unnamed = new Product("pdt_new", TestData.BUSINESS, TestData.BRAND, Option.none());

    ports.products().put(unnamed);

    assertThat(ports.products().findById(TestData.BUSINESS, "pdt_new")).containsExactly(unnamed);
    assertThat(ports.products().findById(TestData.OTHER_BUSINESS, "pdt_new")).isEmpty();
  }

  @Test
  void puttingAProductAgainReplacesIt() {
    Product renamed =
        new Product(
            TestData.PRODUCT, TestData.BUSINESS, "brnd_2", Option.some("Difference Engine"));

    ports.products().put(renamed);

    assertThat(ports.products().findById(TestData.BUSINESS, TestData.PRODUCT))
        .containsExactly(renamed);
  }
}

package dev.licensekeys.persistence;

import dev.licensekeys.domain.model.Customer;
import dev.licensekeys.domain.port.out.Customers;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

public final class JdbcCustomers implements Customers {

  private final Transactions transactions;

  JdbcCustomers(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public Option<Customer> findById(String businessId, String customerId) {
    return transactions.read(
        "finding a customer",
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT id, business_id, name, email FROM customers"
                      + " WHERE business_id = ? AND id = ?")) {
            query.setString(1, businessId);
            query.setString(2, customerId);
            try (ResultSet row = query.executeQuery()) {
              return row.next()
                  ? Option.some(
                      new Customer(
                          row.getString("id"),
                          row.getString("business_id"),
                          row.getString("name"),
                          row.getString("email")))
                  : Option.none();
            }
          }
        });
  }

  @Override
  public void put(Customer customer) {
    Upsert.run(transactions, "storing a customer", connection -> upsert(connection, customer));
  }

  /** Stores the customer in a transaction someone else owns, as the bulk import does. */
  static void upsert(Connection connection, Customer customer) throws SQLException {
    Upsert.inConnection(
        connection,
        "UPDATE customers SET name = ?, email = ? WHERE business_id = ? AND id = ?",
        "INSERT INTO customers (name, email, business_id, id) VALUES (?, ?, ?, ?)",
        statement -> {
          statement.setString(1, customer.name());
          statement.setString(2, customer.email());
          statement.setString(3, customer.businessId());
          statement.setString(4, customer.id());
        });
  }
}

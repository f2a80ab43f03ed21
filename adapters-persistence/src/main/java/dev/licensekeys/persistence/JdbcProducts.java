package dev.licensekeys.persistence;

import dev.licensekeys.domain.model.Product;
import dev.licensekeys.domain.port.out.Products;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

public final class JdbcProducts implements Products {

  private final Transactions transactions;

  JdbcProducts(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public Option<Product> findById(String businessId, String productId) {
    return transactions.read(
        "finding a product",
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT id, business_id, brand_id, name FROM products"
                      + " WHERE business_id = ? AND id = ?")) {
            query.setString(1, businessId);
            query.setString(2, productId);
            try (ResultSet row = query.executeQuery()) {
              return row.next()
                  ? Option.some(
                      new Product(
                          row.getString("id"),
                          row.getString("business_id"),
                          row.getString("brand_id"),
                          Option.of(row.getString("name"))))
                  : Option.none();
            }
          }
        });
  }

  @Override
  public void put(Product product) {
    Upsert.run(transactions, "storing a product", connection -> upsert(connection, product));
  }

  /** Stores the product in a transaction someone else owns, as the bulk import does. */
  static void upsert(Connection connection, Product product) throws SQLException {
    Upsert.inConnection(
        connection,
        "UPDATE products SET brand_id = ?, name = ? WHERE business_id = ? AND id = ?",
        "INSERT INTO products (brand_id, name, business_id, id) VALUES (?, ?, ?, ?)",
        statement -> {
          statement.setString(1, product.brandId());
          Sql.setText(statement, 2, product.name());
          statement.setString(3, product.businessId());
          statement.setString(4, product.id());
        });
  }
}

package dev.licensekeys.domain.model;

import io.vavr.control.Option;
import java.util.Objects;

/**
 * The product a license key unlocks, sold under one brand of the business; its name is optional, as
 * in Dodo's schema.
 */
public record Product(String id, String businessId, String brandId, Option<String> name) {
  public Product {
    Ids.requireText(id, "id");
    Ids.requireText(businessId, "businessId");
    Ids.requireText(brandId, "brandId");
    Objects.requireNonNull(name, "name");
  }
}

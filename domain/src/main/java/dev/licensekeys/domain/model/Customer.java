package dev.licensekeys.domain.model;

/** The customer a license key was sold to, as the activation response shows them. */
public record Customer(String id, String businessId, String name, String email) {
  public Customer {
    Ids.requireText(id, "id");
    Ids.requireText(businessId, "businessId");
    Ids.requireText(name, "name");
    Ids.requireText(email, "email");
  }
}

package dev.licensekeys.domain.model;

/** Who asks: the business an API key belongs to, and that key's id (never its secret). */
public record Caller(String businessId, String apiKeyId) {
  public Caller {
    Ids.requireText(businessId, "businessId");
    Ids.requireText(apiKeyId, "apiKeyId");
  }

  public Caller withApiKeyId(String otherApiKeyId) {
    return new Caller(businessId, otherApiKeyId);
  }
}

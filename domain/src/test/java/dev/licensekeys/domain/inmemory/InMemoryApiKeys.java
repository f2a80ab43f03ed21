package dev.licensekeys.domain.inmemory;

import dev.licensekeys.domain.model.ApiKey;
import dev.licensekeys.domain.port.out.ApiKeys;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

public final class InMemoryApiKeys implements ApiKeys {

  private final Map<String, ApiKey> byId = new LinkedHashMap<>();

  @Override
  public synchronized void add(ApiKey apiKey) {
    boolean taken =
        byId.containsKey(apiKey.id())
            || byId.values().stream().anyMatch(k -> k.secretHash().equals(apiKey.secretHash()));
    if (taken) {
      throw new IllegalStateException("API key id or secret used twice: " + apiKey.id());
    }
    byId.put(apiKey.id(), apiKey);
  }

  @Override
  public synchronized Option<ApiKey> findBySecretHash(String secretHash) {
    return List.ofAll(byId.values()).find(key -> key.secretHash().equals(secretHash));
  }

  @Override
  public synchronized Seq<ApiKey> list(String businessId) {
    return List.ofAll(byId.values())
        .filter(key -> key.businessId().equals(businessId))
        .sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id));
  }

  @Override
  public synchronized void recordUse(String apiKeyId, Instant at) {
    Option.of(byId.get(apiKeyId))
        .forEach(
            key ->
                byId.put(
                    apiKeyId,
                    new ApiKey(
                        key.id(),
                        key.businessId(),
                        key.brandId(),
                        key.name(),
                        key.secretHash(),
                        key.createdAt(),
                        Option.some(at),
                        key.revokedAt())));
  }

  @Override
  public synchronized Option<ApiKey> revoke(String apiKeyId, Instant at) {
    return Option.of(byId.get(apiKeyId))
        .filter(ApiKey::isActive)
        .map(
            key -> {
              ApiKey revoked = key.revoked(at);
              byId.put(apiKeyId, revoked);
              return revoked;
            });
  }
}

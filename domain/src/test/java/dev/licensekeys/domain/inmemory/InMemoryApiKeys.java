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
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes hold the lock; the lookup every request makes reads a concurrent map of immutable records,
 * without it.
 */
public final class InMemoryApiKeys implements ApiKeys {

  private final Map<String, ApiKey> byId = new LinkedHashMap<>();
  private final Map<String, ApiKey> bySecretHash = new ConcurrentHashMap<>();

  @Override
  public synchronized void add(ApiKey apiKey) {
    if (byId.containsKey(apiKey.id()) || bySecretHash.containsKey(apiKey.secretHash())) {
      throw new IllegalStateException("API key id or secret used twice: " + apiKey.id());
    }
    put(apiKey);
  }

  @Override
  public Option<ApiKey> findBySecretHash(String secretHash) {
    return Option.of(bySecretHash.get(secretHash));
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
                put(
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
              put(revoked);
              return revoked;
            });
  }

  private void put(ApiKey apiKey) {
    byId.put(apiKey.id(), apiKey);
    bySecretHash.put(apiKey.secretHash(), apiKey);
  }
}

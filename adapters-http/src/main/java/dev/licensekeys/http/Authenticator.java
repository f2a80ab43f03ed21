package dev.licensekeys.http;

import dev.licensekeys.domain.model.ApiKey;
import dev.licensekeys.domain.model.Caller;
import dev.licensekeys.domain.port.out.ApiKeys;
import io.vavr.control.Option;

/**
 * {@code Authorization: Bearer <secret>} to the caller it stands for. The secret is hashed, the
 * hash looked up, and the stored hash compared in constant time; a revoked key is no key.
 */
public final class Authenticator {

  private static final String BEARER = "bearer ";

  private final ApiKeys apiKeys;

  public Authenticator(ApiKeys apiKeys) {
    this.apiKeys = apiKeys;
  }

  Option<Caller> authenticate(Option<String> authorization) {
    return authorization
        .filter(header -> header.regionMatches(true, 0, BEARER, 0, BEARER.length()))
        .map(header -> header.substring(BEARER.length()).strip())
        .filter(secret -> !secret.isEmpty())
        .map(ApiKey::hashSecret)
        .flatMap(
            hash ->
                apiKeys
                    .findBySecretHash(hash)
                    .filter(key -> key.hashMatches(hash) && key.isActive()))
        .map(key -> new Caller(key.businessId(), key.id()));
  }
}

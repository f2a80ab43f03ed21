package dev.licensekeys.http;

import dev.licensekeys.domain.model.ApiKey;
import dev.licensekeys.domain.model.Caller;
import dev.licensekeys.domain.port.out.ApiKeys;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code Authorization: Bearer <secret>} to the caller it stands for. The secret is hashed, the
 * hash looked up, and the stored hash compared in constant time; a revoked key is no key.
 */
public final class Authenticator {

  private static final String BEARER = "bearer ";

  /** Hashed in place of a missing secret; no key is ever issued with it (they start lk_). */
  private static final String NO_SECRET = "no API key was sent";

  /** A key's last use is written at most this often, not on every request. */
  static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

  private final ApiKeys apiKeys;
  private final Clock clock;
  private final Map<String, Instant> useRecorded = new ConcurrentHashMap<>();

  public Authenticator(ApiKeys apiKeys, Clock clock) {
    this.apiKeys = apiKeys;
    this.clock = clock;
  }

  Option<Caller> authenticate(Option<String> authorization) {
    Option<String> secret =
        authorization
            .filter(header -> header.regionMatches(true, 0, BEARER, 0, BEARER.length()))
            .map(header -> header.substring(BEARER.length()).strip())
            .filter(candidate -> !candidate.isEmpty());
    // A missing or malformed header costs the same hash and lookup as a wrong key, so that the
    // time of a 401 does not tell the two apart.
    String hash = ApiKey.hashSecret(secret.getOrElse(NO_SECRET));
    Option<ApiKey> key =
        apiKeys.findBySecretHash(hash).filter(found -> found.hashMatches(hash) && found.isActive());
    return secret.isEmpty()
        ? Option.none()
        : key.peek(this::recordUse).map(found -> new Caller(found.businessId(), found.id()));
  }

  private void recordUse(ApiKey key) {
    Instant now = clock.instant();
    Instant last = useRecorded.get(key.id());
    if (last == null || !now.isBefore(last.plus(USE_RECORDED_EVERY))) {
      useRecorded.put(key.id(), now);
      apiKeys.recordUse(key.id(), now);
    }
  }
}

package dev.licensekeys.domain.port.out;

import dev.licensekeys.domain.model.ApiKey;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Instant;

/** The API keys of every business, looked up by the hash of their secret. */
public interface ApiKeys {

  /** Stores a new key; its id and secret hash must be new. */
  void add(ApiKey apiKey);

  /** The key whose secret hashes to {@code secretHash}, revoked or not. */
  Option<ApiKey> findBySecretHash(String secretHash);

  /** A business's keys, oldest first. */
  Seq<ApiKey> list(String businessId);

  /** Notes that the key authenticated a request at {@code at}; callers may do it sparingly. */
  void recordUse(String apiKeyId, Instant at);

  /** Revokes the key at {@code at}; none when there is no such key, or it was revoked already. */
  Option<ApiKey> revoke(String apiKeyId, Instant at);
}

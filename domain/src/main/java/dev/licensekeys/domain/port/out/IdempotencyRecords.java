package dev.licensekeys.domain.port.out;

import java.time.Instant;

/**
 * The answers given to requests that carried an {@code Idempotency-Key}, kept for a day, so a
 * client that retries after a lost reply gets the first answer instead of a second seat or key.
 * Shared by every process on the database.
 */
public interface IdempotencyRecords {

  /**
   * Claims {@code key} in {@code scope} for a request whose content hashes to {@code fingerprint}.
   * A claim left unfinished for longer than a minute (its process died) may be taken over; records
   * older than a day are forgotten.
   */
  Claim claim(String scope, String key, String fingerprint, Instant now);

  /** Stores the answer of a claimed request. */
  void complete(String scope, String key, int status, byte[] body);

  /** Gives a claim up, when the request failed in a way that may not be replayed. */
  void release(String scope, String key);

  sealed interface Claim {
    /** The key is new: handle the request, then complete or release. */
    record Claimed() implements Claim {}

    /** The same request was answered before: give the same answer. */
    record Replay(int status, byte[] body) implements Claim {}

    /** The key was used with a different request. */
    record Mismatch() implements Claim {}

    /** The same key is being handled right now. */
    record InProgress() implements Claim {}
  }
}

package dev.licensekeys.domain.model;

import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A credential of one business (and optionally one of its brands). Only a hash of its secret is
 * ever kept: SHA-256, in lower-case hex. A revoked key stays on record but no longer authenticates.
 */
public record ApiKey(
    String id,
    String businessId,
    Option<String> brandId,
    String name,
    String secretHash,
    Instant createdAt,
    Option<Instant> lastUsedAt,
    Option<Instant> revokedAt) {

  private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final MessageDigest SHA_256 = sha256();

  public ApiKey {
    Ids.requireText(id, "id");
    Ids.requireText(businessId, "businessId");
    Ids.requireText(name, "name");
    if (secretHash == null || !SHA_256_HEX.matcher(secretHash).matches()) {
      throw new IllegalArgumentException("secretHash must be a SHA-256 in lower-case hex");
    }
    Objects.requireNonNull(brandId, "brandId");
    createdAt = Timestamps.micros(createdAt);
    lastUsedAt = lastUsedAt.map(Timestamps::micros);
    revokedAt = revokedAt.map(Timestamps::micros);
  }

  /** A new key: never used, not revoked. */
  public static ApiKey issued(
      String id,
      String businessId,
      Option<String> brandId,
      String name,
      String secretHash,
      Instant createdAt) {
    return new ApiKey(
        id, businessId, brandId, name, secretHash, createdAt, Option.none(), Option.none());
  }

  /** The only form in which a secret is ever kept or compared: SHA-256, lower-case hex. */
  public static String hashSecret(String secret) {
    byte[] digest = newSha256().digest(secret.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest);
  }

  /**
   * A fresh SHA-256, copied from one made at start: every request hashes its bearer secret, and
   * looking the algorithm up among the providers took twice as long as the hash itself.
   */
  private static MessageDigest newSha256() {
    try {
      return (MessageDigest) SHA_256.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 can be copied", e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Compares this key's hash with another in time that does not depend on where they differ. */
  public boolean hashMatches(String candidateHash) {
    return MessageDigest.isEqual(
        secretHash.getBytes(StandardCharsets.US_ASCII),
        candidateHash.getBytes(StandardCharsets.US_ASCII));
  }

  public boolean isActive() {
    return revokedAt.isEmpty();
  }

  public ApiKey revoked(Instant at) {
    return new ApiKey(
        id, businessId, brandId, name, secretHash, createdAt, lastUsedAt, Option.some(at));
  }

  /** Never shows the hash: it is not the secret, but nothing gains from printing it. */
  @Override
  public String toString() {
    return "ApiKey[id=%s, business=%s, name=%s, revoked=%s]"
        .formatted(id, businessId, name, revokedAt.isDefined());
  }
}

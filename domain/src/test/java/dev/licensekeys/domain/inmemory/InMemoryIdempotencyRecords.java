package dev.licensekeys.domain.inmemory;

import dev.licensekeys.domain.port.out.IdempotencyRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

public final class InMemoryIdempotencyRecords implements IdempotencyRecords {

  private record Entry(String fingerprint, Instant claimedAt, Integer status, byte[] body) {}

  private final Map<String, Entry> entries = new HashMap<>();

  @Override
  public synchronized Claim claim(String scope, String key, String fingerprint, Instant now) {
    String id = scope + "\n" + key;
    Entry entry = entries.get(id);
    boolean expired = entry != null && entry.claimedAt().isBefore(now.minus(Duration.ofDays(1)));
    boolean abandoned =
        entry != null && entry.status() == null && entry.claimedAt().isBefore(now.minusSeconds(60));
    if (entry == null || expired || (abandoned && entry.fingerprint().equals(fingerprint))) {
      entries.put(id, new Entry(fingerprint, now, null, null));
      return new Claim.Claimed();
    }
    if (!entry.fingerprint().equals(fingerprint)) {
      return new Claim.Mismatch();
    }
    if (entry.status() == null) {
      return new Claim.InProgress();
    }
    return new Claim.Replay(entry.status(), entry.body());
  }

  @Override
  public synchronized void complete(String scope, String key, int status, byte[] body) {
    String id = scope + "\n" + key;
    Entry entry = entries.get(id);
    if (entry != null) {
      entries.put(id, new Entry(entry.fingerprint(), entry.claimedAt(), status, body.clone()));
    }
  }

  @Override
  public synchronized void release(String scope, String key) {
    String id = scope + "\n" + key;
    Entry entry = entries.get(id);
    if (entry != null && entry.status() == null) {
      entries.remove(id);
    }
  }
}

package dev.licensekeys.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vavr.control.Option;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per client address for the public {@code /licenses/*} routes (Bucket4j): {@code
 * burst} requests at once, refilled at {@code perMinute}. The address is the connection's peer, an
 * IPv6 one by its /64 network ({@link #bucketOf}); behind a proxy all clients share the proxy's
 * bucket, so size the limit for that. Remembers the most recent 100,000 addresses.
 */
public final class PublicRateLimit {

  static final int ADDRESSES_REMEMBERED = 100_000;

  private final int perMinute;
  private final int burst;
  private final Map<String, Bucket> buckets =
      new LinkedHashMap<>(1_024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
          return size() > ADDRESSES_REMEMBERED;
        }
      };

  public PublicRateLimit(int perMinute, int burst) {
    if (perMinute < 1 || burst < 1) {
      throw new IllegalArgumentException("a rate limit needs at least 1 a minute and a burst of 1");
    }
    this.perMinute = perMinute;
    this.burst = burst;
  }

  /** Generous: 6,000 a minute, 600 at once, per address. */
  public static PublicRateLimit defaults() {
    return new PublicRateLimit(6_000, 600);
  }

  /** None when the request may go ahead; else how long to wait before the next one will. */
  Option<Duration> admit(SocketAddress peer) {
    Bucket bucket;
    synchronized (buckets) {
      bucket = buckets.computeIfAbsent(bucketOf(peer), address -> newBucket());
    }
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? Option.none()
        : Option.some(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  /**
   * An IPv4 address whole, an IPv6 address by its first 64 bits: a host is commonly given a whole
   * /64, and counted by address it could take a fresh bucket for every request.
   */
  static String bucketOf(SocketAddress peer) {
    if (!(peer instanceof InetSocketAddress inet) || inet.getAddress() == null) {
      return String.valueOf(peer);
    }
    InetAddress address = inet.getAddress();
    return address instanceof Inet6Address
        ? HexFormat.of().formatHex(address.getAddress(), 0, 8) + "::/64"
        : address.getHostAddress();
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(burst)
                .refillGreedy(perMinute, Duration.ofMinutes(1))
                .build())
        .build();
  }
}

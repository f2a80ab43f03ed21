package dev.licensekeys.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class PublicRateLimitTest {

  private static InetSocketAddress peer(String address, int port) throws Exception {
    return new InetSocketAddress(InetAddress.getByName(address), port);
  }

  @Test
  void anIpv6HostCannotTakeAFreshBucketPerAddressOfItsNetwork() throws Exception {
    PublicRateLimit limit = new PublicRateLimit(1, 2);

    assertThat(limit.admit(peer("2001:db8:1:2::1", 40001))).isEmpty();
    assertThat(limit.admit(peer("2001:db8:1:2:ffff:0:0:7", 40002))).isEmpty();
    assertThat(limit.admit(peer("2001:db8:1:2:abcd::9", 40003))).isNotEmpty();
    assertThat(limit.admit(peer("2001:db8:1:3::1", 40004))).isEmpty();
  }

  @Test
  void ipv4AddressesAreCountedEachOnItsOwn() throws Exception {
    PublicRateLimit limit = new PublicRateLimit(1, 1);

    assertThat(limit.admit(peer("192.0.2.1", 40001))).isEmpty();
    assertThat(limit.admit(peer("192.0.2.1", 40002))).isNotEmpty();
    assertThat(limit.admit(peer("192.0.2.2", 40003))).isEmpty();
    assertThat(limit.admit(peer("::ffff:192.0.2.2", 40004))).isNotEmpty();
  }

  @Test
  void theBucketsKeyNamesTheNetworkOrTheAddress() throws Exception {
    assertThat(PublicRateLimit.bucketOf(peer("2001:db8:1:2::1", 1)))
        .isEqualTo("20010db800010002::/64");
    assertThat(PublicRateLimit.bucketOf(peer("127.0.0.1", 1))).isEqualTo("127.0.0.1");
  }
}

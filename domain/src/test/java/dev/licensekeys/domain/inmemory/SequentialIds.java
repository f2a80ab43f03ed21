package dev.licensekeys.domain.inmemory;

import dev.licensekeys.domain.model.Ids;
import dev.licensekeys.domain.port.out.IdGenerator;
import java.util.concurrent.atomic.AtomicLong;

/** Predictable ids for tests: a counter written in base62, padded to the id length. */
public final class SequentialIds implements IdGenerator {

  private final AtomicLong next = new AtomicLong(1);

  @Override
  public String newLicenseKeyId() {
    return Ids.LICENSE_KEY_PREFIX + base62(next.getAndIncrement());
  }

  @Override
  public String newInstanceId() {
    return Ids.INSTANCE_PREFIX + base62(next.getAndIncrement());
  }

  private static String base62(long value) {
    char[] digits = new char[Ids.RANDOM_PART_LENGTH];
    long rest = value;
    for (int i = digits.length - 1; i >= 0; i--) {
      digits[i] = Ids.BASE62.charAt((int) (rest % 62));
      rest /= 62;
    }
    return new String(digits);
  }
}

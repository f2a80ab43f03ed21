package dev.licensekeys.persistence;

import dev.licensekeys.domain.model.Ids;
import dev.licensekeys.domain.port.out.IdGenerator;
import java.security.SecureRandom;

/**
 * Ids of 21 random base62 characters (about 125 bits): unguessable, and unique without asking the
 * database, so several processes can hand them out at once.
 */
public final class SecureRandomIds implements IdGenerator {

  private final SecureRandom random = new SecureRandom();

  @Override
  public String newLicenseKeyId() {
    return Ids.LICENSE_KEY_PREFIX + randomPart();
  }

  @Override
  public String newInstanceId() {
    return Ids.INSTANCE_PREFIX + randomPart();
  }

  private String randomPart() {
    char[] characters = new char[Ids.RANDOM_PART_LENGTH];
    for (int i = 0; i < characters.length; i++) {
      characters[i] = Ids.BASE62.charAt(random.nextInt(Ids.BASE62.length()));
    }
    return new String(characters);
  }
}

package dev.licensekeys.app;

import dev.licensekeys.domain.model.Ids;
import java.security.SecureRandom;

/** New API key secrets and ids: random, base62, shown once and then kept only as a hash. */
final class Secrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  static String newSecret() {
    return "lk_" + base62(40);
  }

  static String newApiKeyId() {
    return "key_" + base62(21);
  }

  private static String base62(int length) {
    char[] characters = new char[length];
    for (int i = 0; i < length; i++) {
      characters[i] = Ids.BASE62.charAt(RANDOM.nextInt(Ids.BASE62.length()));
    }
    return new String(characters);
  }
}

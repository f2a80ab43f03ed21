package dev.licensekeys.app;

import java.util.Map;

class H2CliTest extends CliContract {

  @Override
  protected Map<String, String> database() {
    return Map.of(
        "DATABASE_URL", "jdbc:h2:file:" + directory.resolve("license-keys").toAbsolutePath());
  }
}

package dev.licensekeys.app;

import java.util.Map;

class PostgresCliTest extends CliContract {

  @Override
  protected Map<String, String> database() {
    PostgresEndToEndTest.emptyDatabase();
    return Map.of(
        "DATABASE_URL", PostgresEndToEndTest.URL,
        "DATABASE_USER", PostgresEndToEndTest.USER,
        "DATABASE_PASSWORD", PostgresEndToEndTest.PASSWORD);
  }
}

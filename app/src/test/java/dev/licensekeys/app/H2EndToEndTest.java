package dev.licensekeys.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.persistence.DatabaseSettings;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

class H2EndToEndTest extends EndToEndContract {

  @Override
  protected Configuration configuration() {
    Path file = Path.of("target", "h2", "e2e-" + UUID.randomUUID()).toAbsolutePath();
    return new Configuration(0, new DatabaseSettings("jdbc:h2:file:" + file, "sa", "", 10));
  }

  @Test
  void theEmbeddedDatabaseIsSeededWithAWorkingDemoOnItsFirstStart() throws Exception {
    String output = printed.toString();
    Matcher key = ServiceProcess.API_KEY.matcher(output);
    assertThat(key.find()).as(output).isTrue();

    HttpResponse<String> patched =
        call(
            "PATCH",
            "/license_keys/" + DemoSeed.ACTIVE_KEY_ID,
            "{\"activations_limit\":4}",
            key.group());

    assertThat(patched.statusCode()).isEqualTo(200);
    assertThat(patched.body()).contains("\"activations_limit\":4");
  }
}

package dev.licensekeys.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The H2 file's auto-server, through which the CLI shares the file with a running service, listens
 * on loopback only: H2 would listen on every interface, guarded only by the key in its lock file.
 */
class H2AutoServerIT {

  @Test
  void theCliSharesTheFileThroughAServerOnLoopbackOnly() throws Exception {
    Path file = Path.of("target", "h2", "auto-server-" + UUID.randomUUID()).toAbsolutePath();
    String url = "jdbc:h2:file:" + file;
    try (ServiceProcess service = ServiceProcess.start(Map.of("DATABASE_URL", url))) {
      int port = autoServerPort(Path.of(file + ".lock.db"));

      List<String> listening = listeningAddresses(port);
      ProcessBuilder command =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  ServiceProcess.jar().toString(),
                  "api-key",
                  "list",
                  "--business",
                  "bus_demo")
              .redirectErrorStream(true);
      command.environment().put("DATABASE_URL", url);
      Process cli = command.start();
      cli.getOutputStream().close();
      String output = new String(cli.getInputStream().readAllBytes());

      assertThat(listening).as("port %d", port).isNotEmpty().allMatch(H2AutoServerIT::isLoopback);
      assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(cli.exitValue()).as(output).isZero();
      assertThat(output).contains("demo");
    }
  }

  private static int autoServerPort(Path lockFile) throws Exception {
    Properties lock = new Properties();
    try (Reader reader = Files.newBufferedReader(lockFile)) {
      lock.load(reader);
    }
    String server = lock.getProperty("server");
    return Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
  }

  /** The local addresses, as Linux writes them in /proc/net/tcp and tcp6, that listen on port. */
  private static List<String> listeningAddresses(int port) throws Exception {
    List<String> addresses = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      List<String> lines = Files.readAllLines(Path.of(table));
      for (String line : lines.subList(1, lines.size())) {
        String[] fields = line.trim().split("\\s+");
        String[] local = fields[1].split(":");
        boolean listens = fields[3].equals("0A");
        if (listens && Integer.parseInt(local[1], 16) == port) {
          addresses.add(local[0]);
        }
      }
    }
    return addresses;
  }

  /** 127.0.0.0/8 (little-endian words), as itself or mapped into IPv6, or ::1. */
  private static boolean isLoopback(String address) {
    boolean ipv4 = address.length() == 8 || address.startsWith("0000000000000000FFFF0000");
    return (ipv4 && address.endsWith("7F")) || address.equals("00000000000000000000000001000000");
  }
}

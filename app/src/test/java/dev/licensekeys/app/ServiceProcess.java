package dev.licensekeys.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged jar as a process of its own, as operators run it: java -jar license-keys.jar. */
final class ServiceProcess implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)");

  /** An API key's secret as the service prints it once. */
  static final Pattern API_KEY = Pattern.compile("lk_[0-9A-Za-z]{40}");

  private final Process process;
  private final List<String> output = new CopyOnWriteArrayList<>();
  private final AtomicInteger port = new AtomicInteger();
  private final CountDownLatch started = new CountDownLatch(1);
  private final Thread reader;

  private ServiceProcess(Process process) {
    this.process = process;
    this.reader =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  try (BufferedReader lines =
                      new BufferedReader(
                          new InputStreamReader(
                              process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                      output.add(line);
                      Matcher matcher = LISTENING.matcher(line);
                      if (matcher.find()) {
                        port.set(Integer.parseInt(matcher.group(1)));
                        started.countDown();
                      }
                    }
                  } catch (IOException e) {
                    // the process went away
                  }
                });
  }

  static Path jar() {
    String jar = System.getProperty("license-keys.jar");
    if (jar == null) {
      throw new IllegalStateException("run with -Dlicense-keys.jar=... (failsafe sets it)");
    }
    return Path.of(jar);
  }

  /** Starts the service on a free port with {@code environment} and waits until it listens. */
  static ServiceProcess start(Map<String, String> environment) throws Exception {
    return start(environment, List.of());
  }

  /** As {@link #start(Map)}, the JVM given {@code jvmOptions} too. */
  static ServiceProcess start(Map<String, String> environment, List<String> jvmOptions)
      throws Exception {
    return start(List.of(), environment, jvmOptions);
  }

  /** As {@link #start(Map, List)}, the JVM started by {@code launcher} (such as prlimit). */
  static ServiceProcess start(
      List<String> launcher, Map<String, String> environment, List<String> jvmOptions)
      throws Exception {
    List<String> command = new ArrayList<>(launcher);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar().toString()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("DATABASE_URL");
    builder.environment().putAll(environment);
    builder.environment().put("PORT", "0");
    builder.redirectErrorStream(true);
    ServiceProcess service = new ServiceProcess(builder.start());
    if (!service.started.await(60, TimeUnit.SECONDS)) {
      service.process.destroyForcibly();
      throw new IllegalStateException("the service did not start: " + service.output);
    }
    return service;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  int port() {
    return port.get();
  }

  List<String> output() {
    return output;
  }

  /** SIGKILL: no shutdown hook, no flush, nothing graceful. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** The demo API key the service printed when it seeded an empty embedded database. */
  String demoApiKey() {
    return output.stream()
        .map(API_KEY::matcher)
        .filter(Matcher::find)
        .map(Matcher::group)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no demo API key in " + output));
  }

  /** SIGTERM, then the exit code, once all the process wrote has been read. */
  int terminate() throws InterruptedException {
    // Through the handle: Process.destroy() would also close the pipe of the process's output,
    // losing what it writes while it stops.
    process.toHandle().destroy();
    return exitCode("SIGTERM");
  }

  /** SIGINT, as Ctrl-C in a terminal sends it, then the exit code. */
  int interrupt() throws Exception {
    sendInterrupt();
    return exitCode("SIGINT");
  }

  /** SIGINT, without waiting for what it does. */
  void sendInterrupt() throws Exception {
    new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
  }

  private int exitCode(String signal) throws InterruptedException {
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("the service did not stop on " + signal);
    }
    reader.join(10_000);
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}

package dev.licensekeys.app;

import java.io.PrintStream;
import sun.misc.Signal;

/**
 * Stops the service on SIGTERM and SIGINT before the JVM begins to shut down, then exits 0, since
 * stopping when asked is success.
 *
 * <p>Not from a shutdown hook: the JVM runs its hooks all at once, and H2's own (auto-server mode
 * cannot turn it off) would close the database under the requests still being drained, answering
 * them 503 or worse, while {@code java.util.logging}'s would silence their log lines. Any other end
 * of the JVM (SIGHUP, {@code System.exit}) still stops the service from a hook, as well as it can
 * then. The JDK has no supported API for signals: {@code sun.misc.Signal} (module {@code
 * jdk.unsupported}, kept for such uses) is the way, and javac warns about it.
 */
final class GracefulStop {

  /** The service was stopped, but not all of it stopped as it should: a reason to look. */
  private static final int NOT_CLEANLY = 1;

  private final Application application;
  private final PrintStream out;
  private boolean stopped;

  private GracefulStop(Application application, PrintStream out) {
    this.application = application;
    this.out = out;
  }

  static void install(Application application, PrintStream out) {
    GracefulStop stop = new GracefulStop(application, out);
    Runtime.getRuntime().addShutdownHook(new Thread(stop::fromShutdownHook, "shutdown"));
    try {
      for (String signal : new String[] {"TERM", "INT"}) {
        Signal.handle(new Signal(signal), received -> stop.thenExit());
      }
    } catch (IllegalArgumentException e) {
      // The JVM keeps the signal to itself (-Xrs), or it was ignored from the start (SIGINT in a
      // background job): the hook, or nothing, as the operator or the shell arranged.
    }
  }

  private void thenExit() {
    int exitCode = Cli.OK;
    try {
      stopOnce();
    } catch (RuntimeException e) {
      out.println("license-keys did not stop cleanly: " + e);
      out.flush();
      exitCode = NOT_CLEANLY;
    }
    System.exit(exitCode);
  }

  private void fromShutdownHook() {
    if (stopOnce()) {
      // Exit 0, not 128 plus the signal's number: the service stopped as it should.
      Runtime.getRuntime().halt(Cli.OK);
    }
  }

  /**
   * Answers new requests 503, lets those in flight finish, stops the server and closes the pool;
   * true if this call did it. A second signal during the stop waits for it instead of starting
   * another.
   */
  private synchronized boolean stopOnce() {
    if (stopped) {
      return false;
    }
    stopped = true;
    application.close();
    out.println("license-keys stopped");
    out.flush();
    return true;
  }
}

package dev.licensekeys.http;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.Headers;
import io.helidon.http.Status;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deadlines for a client's side of a connection: a request must arrive whole, headers and body,
 * within the deadline from its first bytes, and each write of an answer must be taken by the client
 * within the deadline. A connection that waits past either is closed without an answer. Helidon
 * 4.5.0 has neither: its idle timeout interrupts a connection only while it waits for a request
 * line, so a client that sent a request's first line and then nothing, or that stopped reading its
 * answers, held one of the capped connections for good.
 *
 * <p>Only waiting for the client is cut: a connection between requests idles until Helidon's idle
 * timeout, and one whose route is working (in a database call) is left to finish. A connection cut
 * before a route had its request is counted under the route {@code unread} as a 408; one cut while
 * its route read the body is logged by the access log as a 408; one cut in a write is logged with
 * the status its route answered.
 */
final class SlowRequests {

  /**
   * Long enough for a 64 KiB body, or a page of keys, at 2.2 KB/s; a proxy in front sends a request
   * and takes an answer in far less.
   */
  static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);

  private final long deadlineNanos;
  private final Operations.RequestObserver observer;

  SlowRequests(Duration deadline, Operations.RequestObserver observer) {
    this.deadlineNanos = deadline.toNanos();
    this.observer = observer;
  }

  /** HTTP/1.1 connections as {@code http1} makes them, each under the deadline. */
  ServerConnectionSelector around(ServerConnectionSelector http1) {
    return new ServerConnectionSelector() {
      @Override
      public int bytesToIdentifyConnection() {
        return http1.bytesToIdentifyConnection();
      }

      @Override
      public Support supports(BufferData data) {
        return http1.supports(data);
      }

      @Override
      public Set<String> supportedApplicationProtocols() {
        return http1.supportedApplicationProtocols();
      }

      @Override
      public ServerConnection connection(ConnectionContext server) {
        DeadlinedConnection connection = new DeadlinedConnection(server, SlowRequests.this);
        connection.runs(http1.connection(connection));
        return connection;
      }
    };
  }

  void opened(DeadlinedConnection connection) {
    Watchdog.OPEN.add(connection);
  }

  void closed(DeadlinedConnection connection) {
    Watchdog.OPEN.remove(connection);
  }

  long deadlineNanos() {
    return deadlineNanos;
  }

  void cutBeforeRoute(long nanos) {
    observer.observed(ServerRefusals.ROUTE, RouteTemplates.methodLabel(""), 408, nanos);
  }

  /** For Helidon to tell when a request's headers have been read. */
  Http1ConnectionListener receiving() {
    return new Http1ConnectionListener() {
      @Override
      public void headers(ConnectionContext connection, Headers headers) {
        if (connection instanceof DeadlinedConnection deadlined) {
          deadlined.headersRead();
        }
      }
    };
  }

  /** For Helidon to tell when a response goes out. */
  Http1ConnectionListener sending() {
    return new Http1ConnectionListener() {
      @Override
      public void status(ConnectionContext connection, Status status) {
        if (connection instanceof DeadlinedConnection deadlined) {
          deadlined.answered();
        }
      }
    };
  }

  /**
   * One thread for the process, which looks at every open connection four times a second: a cut
   * comes at most a quarter of a second late, and a look at a few thousand connections is cheap.
   */
  private static final class Watchdog {
    static final Set<DeadlinedConnection> OPEN = ConcurrentHashMap.newKeySet();

    private static final ScheduledExecutorService SCHEDULER =
        Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().name("slow-requests").daemon().unstarted(task));

    // Started when the first connection opens, which loads this class.
    static {
      SCHEDULER.scheduleWithFixedDelay(Watchdog::look, 250, 250, TimeUnit.MILLISECONDS);
    }

    private static void look() {
      long now = System.nanoTime();
      for (DeadlinedConnection connection : OPEN) {
        if (connection.overdue(now)) {
          connection.cut();
        }
      }
    }
  }
}

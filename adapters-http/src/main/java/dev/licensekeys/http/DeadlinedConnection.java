package dev.licensekeys.http;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.common.buffers.DataWriter;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.common.socket.HelidonSocket;
import io.helidon.common.socket.PeerInfo;
import io.helidon.common.task.InterruptableTask;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.ListenerContext;
import io.helidon.webserver.ProxyProtocolData;
import io.helidon.webserver.Router;
import io.helidon.webserver.ServerConnectionException;
import io.helidon.webserver.spi.ServerConnection;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP/1.1 connection under {@link SlowRequests}' deadlines. It stands between Helidon and its
 * HTTP/1.1 connection twice: as the connection Helidon runs, and as the context that connection
 * reads the client's bytes through and writes its answers through, so that it knows when a read
 * waits, for which part of a request, and when a write waits.
 */
final class DeadlinedConnection
    implements ServerConnection, InterruptableTask<Void>, ConnectionContext {

  /** Where the connection is in its current request, as far as reading it goes. */
  private enum Part {
    /** Between requests: waiting here is idling, which Helidon's idle timeout bounds. */
    NONE,
    /** The request's first bytes have come, its headers have not ended. */
    HEAD,
    /** A route has the request and may read its body. */
    BODY
  }

  private final ConnectionContext server;
  private final SlowRequests deadline;
  private final DataReader reader;
  private final DataWriter writer;
  private ServerConnection http1;

  private volatile Part part = Part.NONE;
  private volatile long partStarted;
  private volatile boolean reading;
  private volatile long writeStarted;
  private volatile boolean writing;
  private volatile boolean cut;

  DeadlinedConnection(ConnectionContext server, SlowRequests deadline) {
    this.server = server;
    this.deadline = deadline;
    this.reader = DataReader.create(this::read);
    this.writer = new Writer();
  }

  void runs(ServerConnection http1) {
    this.http1 = http1;
  }

  private byte[] read() {
    // Bytes Helidon read before this connection was made (it does when it must choose between
    // protocols; with HTTP/1.1 alone it does not) come first.
    DataReader buffered = server.dataReader();
    if (buffered.available() > 0) {
      return buffered.readBytes(buffered.available());
    }
    reading = true;
    byte[] bytes;
    try {
      bytes = server.serverSocket().get();
    } catch (UncheckedIOException e) {
      throw cut ? tooSlow() : new ServerConnectionException("Failed to get data from socket", e);
    } finally {
      reading = false;
    }
    if (cut) {
      throw tooSlow();
    }
    if (bytes != null && part == Part.NONE) {
      partStarted = System.nanoTime();
      part = Part.HEAD;
    }
    return bytes;
  }

  private ServerConnectionException tooSlow() {
    if (part == Part.HEAD) {
      deadline.cutBeforeRoute(System.nanoTime() - partStarted);
    }
    return new TooSlow("the request did not arrive in time");
  }

  /** The request's headers have ended: from here a route has it. */
  void headersRead() {
    if (part == Part.NONE) {
      // The whole head came with the bytes of the request before: its deadline starts now.
      partStarted = System.nanoTime();
    }
    part = Part.BODY;
  }

  /** A response went out: the next bytes start another request, and another deadline. */
  void answered() {
    part = Part.NONE;
  }

  /**
   * True when a read is waiting for the rest of a request that began before its deadline, or a
   * write has waited longer than the deadline for the client to take an answer.
   */
  boolean overdue(long now) {
    long limit = deadline.deadlineNanos();
    return (reading && part != Part.NONE && now - partStarted > limit)
        || (writing && now - writeStarted > limit);
  }

  /**
   * Ends the connection by closing its socket, which ends the waiting read or write with an error.
   * Not by interrupting its thread: should the wait have ended meanwhile, an interrupt could land
   * in a database call.
   */
  void cut() {
    cut = true;
    try {
      server.serverSocket().close();
    } catch (RuntimeException e) {
      // Already closed: the connection is ending anyway.
    }
  }

  /**
   * Writes an answer, watched: a client that stops reading its answers (or pipelines requests and
   * never reads) would otherwise hold the connection in a blocked write for good.
   */
  private final class Writer implements DataWriter {
    @Override
    public void write(BufferData... buffers) {
      watched(() -> server.dataWriter().write(buffers));
    }

    @Override
    public void write(BufferData buffer) {
      watched(() -> server.dataWriter().write(buffer));
    }

    @Override
    public void writeNow(BufferData... buffers) {
      watched(() -> server.dataWriter().writeNow(buffers));
    }

    @Override
    public void writeNow(BufferData buffer) {
      watched(() -> server.dataWriter().writeNow(buffer));
    }

    @Override
    public void flush() {
      server.dataWriter().flush();
    }

    @Override
    public void close() {
      server.dataWriter().close();
    }

    private void watched(Runnable write) {
      writeStarted = System.nanoTime();
      writing = true;
      try {
        write.run();
      } catch (RuntimeException e) {
        throw cut ? new TooSlow("the client did not take its answer in time") : e;
      } finally {
        writing = false;
      }
    }
  }

  /** The failed read or write of a client that took longer than its deadline. */
  static final class TooSlow extends ServerConnectionException {
    TooSlow(String what) {
      super("the client was too slow", new TimeoutException(what));
    }
  }

  // The connection Helidon runs.

  @Override
  public void handle(Limit limit) throws InterruptedException {
    deadline.opened(this);
    try {
      http1.handle(limit);
    } finally {
      deadline.closed(this);
    }
  }

  @Override
  public Duration idleTime() {
    return http1.idleTime();
  }

  @Override
  public void close(boolean interrupt) {
    http1.close(interrupt);
  }

  @Override
  public boolean canInterrupt() {
    return http1 instanceof InterruptableTask<?> task && task.canInterrupt();
  }

  // The context the HTTP/1.1 connection reads through: the server's, but for the reader.

  @Override
  public DataReader dataReader() {
    return reader;
  }

  @Override
  public ListenerContext listenerContext() {
    return server.listenerContext();
  }

  @Override
  public ExecutorService executor() {
    return server.executor();
  }

  @Override
  public DataWriter dataWriter() {
    return writer;
  }

  @Override
  public Router router() {
    return server.router();
  }

  @Override
  public Optional<ProxyProtocolData> proxyProtocolData() {
    return server.proxyProtocolData();
  }

  @Override
  public HelidonSocket serverSocket() {
    return server.serverSocket();
  }

  @Override
  public PeerInfo remotePeer() {
    return server.remotePeer();
  }

  @Override
  public PeerInfo localPeer() {
    return server.localPeer();
  }

  @Override
  public boolean isSecure() {
    return server.isSecure();
  }

  @Override
  public String socketId() {
    return server.socketId();
  }

  @Override
  public String childSocketId() {
    return server.childSocketId();
  }
}

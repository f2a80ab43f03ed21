package dev.licensekeys.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy that a test can cut and restore, to take a database away from the service
 * and give it back without touching the database itself.
 */
final class TcpProxy implements AutoCloseable {

  private final int targetPort;
  private final int port;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile ServerSocket server;

  TcpProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.server = listen(0);
    this.port = server.getLocalPort();
    accept(server);
  }

  int port() {
    return port;
  }

  /** Drops every connection and refuses new ones, as a stopped database would. */
  void cut() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
    sockets.clear();
  }

  void restore() throws IOException {
    server = listen(port);
    accept(server);
  }

  private static ServerSocket listen(int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    return socket;
  }

  private void accept(ServerSocket listening) {
    Thread.ofVirtual()
        .start(
            () -> {
              while (!listening.isClosed()) {
                try {
                  Socket client = listening.accept();
                  Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                  sockets.add(client);
                  sockets.add(upstream);
                  pipe(client, upstream);
                  pipe(upstream, client);
                } catch (IOException e) {
                  return;
                }
              }
            });
  }

  private static void pipe(Socket from, Socket to) {
    Thread.ofVirtual()
        .start(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException e) {
                // one side went away: the other follows
              } finally {
                try {
                  from.close();
                  to.close();
                } catch (IOException ignored) {
                  // already closed
                }
              }
            });
  }

  @Override
  public void close() throws IOException {
    cut();
  }
}

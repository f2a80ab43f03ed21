package dev.licensekeys.persistence;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** A pool that counts the connections taken, and can hold them back or refuse them. */
final class GatedDataSource {
  private final DataSource pool;
  final AtomicInteger connections = new AtomicInteger();
  volatile CountDownLatch opened = new CountDownLatch(0);
  volatile CountDownLatch someoneWaits = new CountDownLatch(1);
  volatile boolean unreachable;

  /** The connection, counted from 1, at which the pool throws an Error instead. */
  volatile int errorOnConnection;

  GatedDataSource(DataSource pool) {
    this.pool = pool;
  }

  void close() {
    opened = new CountDownLatch(1);
    someoneWaits = new CountDownLatch(1);
  }

  void open() {
    opened.countDown();
  }

  DataSource dataSource() {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, arguments) -> {
              if (method.getName().equals("getConnection")) {
                if (unreachable) {
                  throw new SQLTransientConnectionException("the test cut the database off");
                }
                someoneWaits.countDown();
                opened.await();
                if (connections.incrementAndGet() == errorOnConnection) {
                  throw new StackOverflowError("the test kills whoever takes this connection");
                }
              }
              try {
                return method.invoke(pool, arguments);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}

package dev.licensekeys.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
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

  /**
   * Starts call 0, waits until it holds its group's turn and waits for this pool, then starts the
   * others and waits until {@code waiting} says they all wait, and opens the pool: calls 1 to count
   * - 1 then form one group.
   */
  <T> List<Future<T>> startInOneGroupAfterAFirst(
      ExecutorService threads, int count, IntFunction<T> call, IntSupplier waiting)
      throws InterruptedException {
    close();
    List<Future<T>> calls = new ArrayList<>();
    calls.add(threads.submit(() -> call.apply(0)));
    assertThat(someoneWaits.await(1, TimeUnit.MINUTES)).isTrue();
    for (int i = 1; i < count; i++) {
      int index = i;
      calls.add(threads.submit(() -> call.apply(index)));
    }
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (waiting.getAsInt() < count - 1 && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    assertThat(waiting.getAsInt()).isEqualTo(count - 1);
    open();
    return calls;
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

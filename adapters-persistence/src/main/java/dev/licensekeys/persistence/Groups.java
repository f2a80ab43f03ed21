package dev.licensekeys.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Work handed in one item at a time and done many items at once: callers queue their item and wait
 * for the turn; whoever gets the turn takes every item then waiting (up to {@code maxGroup}) and
 * does them as one group, so that under load one round trip serves many callers, and a lone item is
 * done at once. Each caller gets its own item's outcome; an item the group's work left undecided
 * fails rather than pass for a result.
 *
 * @param <T> what a caller hands in
 * @param <R> what it gets back
 */
final class Groups<T, R> {

  /** One caller's item, decided when the group's work gives it a result or a failure. */
  static final class Item<T, R> {
    private final T value;
    private volatile boolean decided;
    private R result;
    private RuntimeException failure;

    private Item(T value) {
      this.value = value;
    }

    T value() {
      return value;
    }

    void succeed(R result) {
      this.result = result;
      decided = true;
    }

    void fail(RuntimeException failure) {
      this.failure = failure;
      decided = true;
    }

    boolean isDecided() {
      return decided;
    }
  }

  private final int maxGroup;
  private final Consumer<List<Item<T, R>>> work;
  private final ConcurrentLinkedQueue<Item<T, R>> waiting = new ConcurrentLinkedQueue<>();
  private final ReentrantLock turn = new ReentrantLock();

  /** {@code work} must decide every item of the group it is given. */
  Groups(int maxGroup, Consumer<List<Item<T, R>>> work) {
    this.maxGroup = maxGroup;
    this.work = work;
  }

  /** The outcome of {@code value}, after the group that did it; its failure is thrown. */
  R submit(T value) {
    Item<T, R> mine = new Item<>(value);
    waiting.add(mine);
    turn.lock();
    try {
      if (!mine.isDecided()) {
        doWaitingGroup();
      }
    } finally {
      turn.unlock();
    }
    // The turn orders what the group's work wrote before this read.
    if (mine.failure != null) {
      throw mine.failure;
    }
    return mine.result;
  }

  /** How many items wait for a turn; for tests. */
  int waiting() {
    return waiting.size();
  }

  private void doWaitingGroup() {
    List<Item<T, R>> group = new ArrayList<>();
    for (Item<T, R> next; group.size() < maxGroup && (next = waiting.poll()) != null; ) {
      group.add(next);
    }
    try {
      work.accept(group);
    } catch (RuntimeException e) {
      group.stream().filter(item -> !item.isDecided()).forEach(item -> item.fail(e));
    } finally {
      // Even an Error must not leave an item undecided, to be taken for a result.
      group.stream()
          .filter(item -> !item.isDecided())
          .forEach(item -> item.fail(new IllegalStateException("the work of its group failed")));
    }
  }
}

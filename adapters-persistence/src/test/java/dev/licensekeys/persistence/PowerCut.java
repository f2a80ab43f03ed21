package dev.licensekeys.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2 files on a disk that can lose its power: {@code jdbc:h2:powerCut:/path}. A write reaches the
 * disk only when the file was opened for synchronous writes or once it is synced; {@link #cut}
 * stops every write and gives each file as the disk would hold it after the cut, without what was
 * written and not synced since. It loses all that a real disk may lose; it neither tears a write in
 * two nor keeps some of the writes not synced and loses others. Plugged in through H2's own file
 * system extension point ({@link FilePath#register}), which makes each path by this class's public
 * constructor.
 */
public final class PowerCut extends FilePathWrapper {

  static final String SCHEME = "powerCut";

  private static final ReadWriteLock WRITES_AND_CUT = new ReentrantReadWriteLock();

  /** By file: how to take back each write not yet on the disk, oldest first. */
  private static final Map<String, List<Undo>> NOT_ON_DISK = new HashMap<>();

  private static final Map<String, FileChannel> OPEN_FOR_WRITING = new HashMap<>();

  private static volatile boolean cut;

  static void register() {
    FilePath.register(new PowerCut());
    WRITES_AND_CUT.writeLock().lock();
    try {
      NOT_ON_DISK.clear();
      OPEN_FOR_WRITING.clear();
      cut = false;
    } finally {
      WRITES_AND_CUT.writeLock().unlock();
    }
  }

  /**
   * Cuts the power: every write from now on fails, and the answer holds, by file name, the bytes
   * each file opened for writing would hold on the disk.
   */
  static Map<String, byte[]> cut() throws IOException {
    WRITES_AND_CUT.writeLock().lock();
    try {
      cut = true;
      Map<String, byte[]> onDisk = new HashMap<>();
      for (Map.Entry<String, FileChannel> file : OPEN_FOR_WRITING.entrySet()) {
        List<Undo> undos = NOT_ON_DISK.getOrDefault(file.getKey(), List.of());
        long longest = undos.stream().mapToLong(Undo::lengthBefore).max().orElse(0);
        byte[] bytes = contents(file.getValue(), longest);
        int length = Math.toIntExact(file.getValue().size());
        for (int i = undos.size() - 1; i >= 0; i--) {
          length = undos.get(i).applyTo(bytes);
        }
        onDisk.put(file.getKey(), Arrays.copyOf(bytes, length));
      }
      return onDisk;
    } finally {
      WRITES_AND_CUT.writeLock().unlock();
    }
  }

  static boolean isCut() {
    return cut;
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public FileChannel open(String mode) throws IOException {
    FileChannel channel = super.open(mode);
    if ("r".equals(mode)) {
      return channel;
    }
    WRITES_AND_CUT.writeLock().lock();
    try {
      OPEN_FOR_WRITING.put(name, channel);
    } finally {
      WRITES_AND_CUT.writeLock().unlock();
    }
    return new Channel(name, channel, mode.equals("rwd") || mode.equals("rws"));
  }

  /** The file's bytes, in an array long enough for {@code atLeast}. */
  private static byte[] contents(FileChannel channel, long atLeast) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(channel.size()));
    while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {}
    return Arrays.copyOf(buffer.array(), Math.toIntExact(Math.max(atLeast, channel.size())));
  }

  /** The file's length and the bytes from {@code position} before a write or a truncation. */
  private record Undo(long position, byte[] bytesBefore, long lengthBefore) {

    static Undo of(FileChannel channel, long position, long length) throws IOException {
      long lengthBefore = channel.size();
      int kept = (int) Math.max(0, Math.min(position + length, lengthBefore) - position);
      ByteBuffer before = ByteBuffer.allocate(kept);
      while (before.hasRemaining() && channel.read(before, position + before.position()) >= 0) {}
      return new Undo(position, before.array(), lengthBefore);
    }

    /**
     * Takes the change back in {@code file}, which is long enough for any length it had, and
     * answers the length it has again. Bytes past a length are never read: only a truncation's undo
     * lengthens the file again, and it brings back the bytes it cut.
     */
    int applyTo(byte[] file) {
      System.arraycopy(bytesBefore, 0, file, (int) position, bytesBefore.length);
      return Math.toIntExact(lengthBefore);
    }
  }

  private static final class Channel extends DelegatingFileChannel {

    private final String name;
    private final boolean synchronous;

    Channel(String name, FileChannel channel, boolean synchronous) {
      super(channel);
      this.name = name;
      this.synchronous = synchronous;
    }

    /** Runs a change of the file as one step that a cut comes before or after. */
    private <T> T changing(long position, long length, IoStep<T> step) throws IOException {
      WRITES_AND_CUT.readLock().lock();
      try {
        if (cut) {
          throw new IOException("the power is cut");
        }
        synchronized (this) {
          if (!synchronous) {
            Undo undo = Undo.of(channel, position, length);
            synchronized (NOT_ON_DISK) {
              NOT_ON_DISK.computeIfAbsent(name, file -> new ArrayList<>()).add(undo);
            }
          }
          return step.run();
        }
      } finally {
        WRITES_AND_CUT.readLock().unlock();
      }
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
      return changing(channel.position(), source.remaining(), () -> channel.write(source));
    }

    @Override
    public int write(ByteBuffer source, long position) throws IOException {
      return changing(position, source.remaining(), () -> channel.write(source, position));
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      long length = Math.max(0, channel.size() - size);
      return changing(
          size,
          length,
          () -> {
            channel.truncate(size);
            return this;
          });
    }

    @Override
    public void force(boolean metaData) throws IOException {
      WRITES_AND_CUT.readLock().lock();
      try {
        if (cut) {
          throw new IOException("the power is cut");
        }
        // Not while this channel writes: a write the sync overlaps might not be on the disk.
        synchronized (this) {
          channel.force(metaData);
          synchronized (NOT_ON_DISK) {
            NOT_ON_DISK.remove(name);
          }
        }
      } finally {
        WRITES_AND_CUT.readLock().unlock();
      }
    }
  }

  @FunctionalInterface
  private interface IoStep<T> {
    T run() throws IOException;
  }
}

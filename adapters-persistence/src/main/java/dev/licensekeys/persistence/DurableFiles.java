package dev.licensekeys.persistence;

import java.io.IOException;
import java.nio.channels.FileChannel;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2 files whose writes are on the disk when they return: {@code jdbc:h2:durable:...}. H2 writes a
 * commit to its file before the commit returns ({@code WRITE_DELAY=0}), but never asks the system
 * to put it on the disk, so a power cut or a crash of the system could lose commits the service had
 * acknowledged (a killed process cannot: the system still holds its writes). Here the store's file
 * is opened for synchronous writes (O_DSYNC), and a change of its length is synced too. A database
 * that {@link #url} turns to this is written this way by every process that opens it. Plugged in
 * through H2's own file system extension point ({@link FilePath#register}), which makes each path
 * by this class's public constructor.
 */
public final class DurableFiles extends FilePathWrapper {

  static final String SCHEME = "durable";

  private static final String H2_PREFIX = "jdbc:h2:";

  /** The store's file; H2's lock, trace and temporary files hold nothing to lose. */
  private static final String STORE_SUFFIX = ".mv.db";

  static void register() {
    FilePath.register(new DurableFiles());
  }

  /**
   * {@code jdbcUrl} with its database written durably, when it is an H2 database in a file on the
   * disk; any other URL as it is. H2 reads a prefix of two or more characters before the first
   * colon of the database's path as its file system (as a drive letter, one character is part of
   * the path); the disk's is {@code file}, and the default.
   */
  static String url(String jdbcUrl) {
    if (!jdbcUrl.startsWith(H2_PREFIX)) {
      return jdbcUrl;
    }
    String database = jdbcUrl.substring(H2_PREFIX.length());
    String path = database.split(";", 2)[0];
    int colon = path.indexOf(':');
    boolean onDisk = colon < 2 || path.startsWith("file:");
    return onDisk ? H2_PREFIX + SCHEME + ":" + database : jdbcUrl;
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public FileChannel open(String mode) throws IOException {
    if (!"rw".equals(mode) || !name.endsWith(STORE_SUFFIX)) {
      return super.open(mode);
    }
    return new SyncedLength(super.open("rwd"));
  }

  /** A channel whose writes are synchronous already, with its truncations synced as well. */
  private static final class SyncedLength extends DelegatingFileChannel {

    SyncedLength(FileChannel channel) {
      super(channel);
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      channel.truncate(size);
      channel.force(true);
      return this;
    }
  }
}

package dev.licensekeys.persistence;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2 files on a disk that can be made full: {@code jdbc:h2:fullDisk:/path}. While {@link #FULL} is
 * set, every write to them fails as a full disk fails it. Plugged in through H2's own file system
 * extension point ({@link FilePath#register}), which makes each path by this class's public
 * constructor.
 */
public final class FullDisk extends FilePathWrapper {

  static final String SCHEME = "fullDisk";
  static final AtomicBoolean FULL = new AtomicBoolean();

  static void register() {
    FilePath.register(new FullDisk());
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public FileChannel open(String mode) throws IOException {
    return new Channel(super.open(mode));
  }

  @Override
  public OutputStream newOutputStream(boolean append) throws IOException {
    failIfFull();
    return super.newOutputStream(append);
  }

  private static void failIfFull() throws IOException {
    if (FULL.get()) {
      throw new IOException("No space left on device");
    }
  }

  private static final class Channel extends DelegatingFileChannel {

    Channel(FileChannel channel) {
      super(channel);
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
      failIfFull();
      return channel.write(source);
    }

    @Override
    public int write(ByteBuffer source, long position) throws IOException {
      failIfFull();
      return channel.write(source, position);
    }
  }
}

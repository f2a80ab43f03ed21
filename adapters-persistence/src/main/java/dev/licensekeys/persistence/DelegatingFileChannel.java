package dev.licensekeys.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import org.h2.store.fs.FileBase;

/**
 * A channel of an H2 file that does what the channel it wraps does, for a file system of ours
 * ({@link DurableFiles}, and the tests' simulated disks) to change only what it must. Unlike H2's
 * own base, reads and writes at a position are not synchronized: H2 reads its pages from many
 * threads at once.
 */
class DelegatingFileChannel extends FileBase {

  protected final FileChannel channel;

  DelegatingFileChannel(FileChannel channel) {
    this.channel = channel;
  }

  @Override
  public int write(ByteBuffer source) throws IOException {
    return channel.write(source);
  }

  @Override
  public int write(ByteBuffer source, long position) throws IOException {
    return channel.write(source, position);
  }

  @Override
  public FileChannel truncate(long size) throws IOException {
    channel.truncate(size);
    return this;
  }

  @Override
  public void force(boolean metaData) throws IOException {
    channel.force(metaData);
  }

  @Override
  public int read(ByteBuffer destination) throws IOException {
    return channel.read(destination);
  }

  @Override
  public int read(ByteBuffer destination, long position) throws IOException {
    return channel.read(destination, position);
  }

  @Override
  public long position() throws IOException {
    return channel.position();
  }

  @Override
  public FileChannel position(long position) throws IOException {
    channel.position(position);
    return this;
  }

  @Override
  public long size() throws IOException {
    return channel.size();
  }

  @Override
  public FileLock tryLock(long position, long size, boolean shared) throws IOException {
    return channel.tryLock(position, size, shared);
  }

  @Override
  protected void implCloseChannel() throws IOException {
    channel.close();
  }
}

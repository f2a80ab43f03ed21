package dev.licensekeys.http;

import io.helidon.common.buffers.DataReader;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Helidon 4.5.0 logs a client that closes its connection before its request is whole as a WARNING
 * "Internal server error" with a stack trace of 17 lines: one per connection, so any client could
 * fill the log (2,000 such connections wrote 34,000 lines). Those records are logged at FINE
 * instead, where {@code LOG_LEVEL=debug} still shows them; Helidon's other warnings pass as they
 * are. (Later Helidon 4.x releases log such hang-ups at trace themselves; they are not served
 * here.)
 */
final class PeerHangUps implements Filter {

  static final String HELIDON_CONNECTION_LOGGER = "io.helidon.webserver.http1.Http1Connection";

  // Held here: java.util.logging keeps loggers weakly, and a collected logger loses its filter.
  private static final Logger CONNECTION_LOG = Logger.getLogger(HELIDON_CONNECTION_LOGGER);

  private PeerHangUps() {}

  static void install() {
    if (!(CONNECTION_LOG.getFilter() instanceof PeerHangUps)) {
      CONNECTION_LOG.setFilter(new PeerHangUps());
    }
  }

  @Override
  public boolean isLoggable(LogRecord record) {
    if (record.getLevel().intValue() <= Level.FINE.intValue() || !isHangUp(record.getThrown())) {
      return true;
    }
    record.setLevel(Level.FINE);
    return CONNECTION_LOG.isLoggable(Level.FINE);
  }

  /** The peer sent nothing more: the read of the request's prologue or headers ran out of data. */
  static boolean isHangUp(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof DataReader.InsufficientDataAvailableException) {
        return true;
      }
    }
    return false;
  }
}

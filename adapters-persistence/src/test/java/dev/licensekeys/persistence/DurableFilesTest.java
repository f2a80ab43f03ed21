package dev.licensekeys.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which databases are written durably; H2PowerCutTest shows what that keeps. */
class DurableFilesTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "file:./data/license-keys;MODE=PostgreSQL;AUTO_SERVER=TRUE",
        "./data/license-keys",
        "/var/lib/license-keys/db",
        "~/license-keys",
        "C:/license-keys/db",
        "./db;INIT=RUNSCRIPT FROM 'classpath:init.sql'"
      })
  void aDatabaseOnTheDiskIsWrittenDurably(String database) {
    assertThat(DurableFiles.url("jdbc:h2:" + database)).isEqualTo("jdbc:h2:durable:" + database);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jdbc:h2:mem:test;DB_CLOSE_DELAY=-1",
        "jdbc:h2:tcp://localhost:9092/~/db",
        "jdbc:h2:nioMapped:/tmp/db",
        "jdbc:h2:durable:file:/tmp/db",
        "jdbc:postgresql://127.0.0.1:5432/test"
      })
  void anyOtherDatabaseIsLeftAsItIs(String url) {
    assertThat(DurableFiles.url(url)).isEqualTo(url);
  }

  @Test
  void theServiceWritesAFileDurably() throws Exception {
    try (Database database =
            Database.open(new DatabaseSettings("jdbc:h2:file:" + dir.resolve("db"), "sa", "", 2));
        Connection connection = database.dataSource().getConnection()) {
      MVStore store = H2FileCompaction.fileStoreOf(connection).orElseThrow();
      assertThat(store.getFileStore().getFileName()).startsWith("durable:");
    }
  }
}

package dev.licensekeys.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.fixtures.TestData;
import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.AuditOperation;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.patch.Change;
import dev.licensekeys.domain.patch.LicenseKeyPatch;
import io.vavr.control.Option;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A power cut loses no save that was acknowledged (DurableFiles). The disk is PowerCut's, which
 * keeps only what was written synchronously or synced. Four writers each set their own key's limit
 * to 1, 2, 3 ... through the service's own saves (grouped commits, an audit event each); a second
 * in, the power is cut under them, and the file as the disk then holds it must open and hold every
 * acknowledged save. The same load on a file H2 writes plainly loses them, so the check can fail.
 */
class H2PowerCutTest {

  private static final int WRITERS = 4;

  @TempDir Path dir;

  /** The files as the disk held them after a cut, opened again; closed after each test. */
  private final List<Database> reopened = new ArrayList<>();

  @AfterEach
  void closeReopened() {
    reopened.forEach(Database::close);
  }

  @Test
  void aPowerCutLosesNoAcknowledgedSave() throws Exception {
    Cut cut = saveLimitsThenCut("jdbc:h2:durable:powerCut:" + dir.resolve("durable"));

    JdbcAdapters after = adaptersOver(cut.onDisk());
    for (int writer = 0; writer < WRITERS; writer++) {
      LicenseKey key = cut.keys().get(writer);
      int acknowledged = cut.acknowledged().get(writer);
      assertThat(acknowledged).as("saves acknowledged to writer %d", writer).isPositive();
      LicenseKey stored = after.licenseKeys().findById(key.businessId(), key.id()).get();
      assertThat(stored.activationsLimit().get())
          .as("writer %d's limit after the cut", writer)
          .isGreaterThanOrEqualTo(acknowledged);
      int saves = stored.activationsLimit().get();
      assertThat(stored.version()).as("writer %d's version", writer).isEqualTo(1L + saves);
      assertThat(after.auditTrail().eventsOf(key.businessId(), key.id()))
          .as("writer %d's events", writer)
          .hasSize(1 + saves);
    }
  }

  @Test
  void aFileH2WritesPlainlyLosesAcknowledgedSaves() throws Exception {
    Cut cut = saveLimitsThenCut("jdbc:h2:powerCut:" + dir.resolve("plain"));

    JdbcAdapters after = adaptersOver(cut.onDisk());
    int lost = 0;
    for (int writer = 0; writer < WRITERS; writer++) {
      LicenseKey key = cut.keys().get(writer);
      LicenseKey stored = after.licenseKeys().findById(key.businessId(), key.id()).get();
      lost += Math.max(0, cut.acknowledged().get(writer) - stored.activationsLimit().get());
    }
    assertThat(lost).as("acknowledged saves missing after the cut").isPositive();
  }

  /**
   * The writers' keys, the last limit each writer saw saved, and the files the disk holds after.
   */
  private record Cut(
      List<LicenseKey> keys, AtomicIntegerArray acknowledged, Map<String, byte[]> onDisk) {}

  private static Cut saveLimitsThenCut(String url) throws Exception {
    PowerCut.register();
    List<Throwable> failuresBeforeTheCut = new CopyOnWriteArrayList<>();
    AtomicIntegerArray acknowledged = new AtomicIntegerArray(WRITERS);
    List<LicenseKey> keys = new ArrayList<>();
    Map<String, byte[]> onDisk;
    try (Database database = Database.open(new DatabaseSettings(url, "sa", "", WRITERS))) {
      JdbcAdapters adapters = JdbcAdapters.over(database);
      for (int writer = 0; writer < WRITERS; writer++) {
        LicenseKey key = TestData.key(adapters.ids().newLicenseKeyId()).limit(0).build();
        adapters.licenseKeys().add(key, AuditEvent.keyCreated(key, TestData.T0, Option.none()));
        keys.add(key);
      }
      // The schema and the keys are on the disk before the load, on either kind of file: only the
      // load's saves are in question.
      try (Connection connection = database.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("CHECKPOINT SYNC");
      }
      List<Thread> writers = new ArrayList<>();
      for (int writer = 0; writer < WRITERS; writer++) {
        LicenseKey key = keys.get(writer);
        int self = writer;
        writers.add(
            Thread.ofPlatform()
                .start(() -> saveLimits(adapters, key, self, acknowledged, failuresBeforeTheCut)));
      }
      Thread.sleep(1_000);
      onDisk = PowerCut.cut();
      for (Thread writer : writers) {
        writer.join();
      }
    }
    assertThat(failuresBeforeTheCut).isEmpty();
    return new Cut(keys, acknowledged, onDisk);
  }

  /** Sets the key's limit to 1, 2, 3 ... one save each, until the power is cut. */
  private static void saveLimits(
      JdbcAdapters adapters,
      LicenseKey key,
      int writer,
      AtomicIntegerArray acknowledged,
      List<Throwable> failures) {
    try {
      LicenseKey current = key;
      for (int limit = 1; !PowerCut.isCut(); limit++) {
        LicenseKey changed =
            current.apply(LicenseKeyPatch.KEEP_ALL.withActivationsLimit(Change.set(limit))).get();
        AuditEvent event =
            AuditEvent.keyChanged(
                AuditOperation.UPDATE, current, changed, TestData.T0, Option.none());
        current = adapters.licenseKeys().save(changed, event).get();
        acknowledged.set(writer, limit);
      }
    } catch (RuntimeException e) {
      if (!PowerCut.isCut()) {
        failures.add(e);
      }
    }
  }

  /** The service's adapters over the store's file as the disk held it after the cut. */
  private JdbcAdapters adaptersOver(Map<String, byte[]> onDisk) throws Exception {
    List<byte[]> stores =
        onDisk.entrySet().stream()
            .filter(file -> file.getKey().endsWith(".mv.db"))
            .map(Map.Entry::getValue)
            .toList();
    assertThat(stores).hasSize(1);
    Path after = Files.createDirectories(dir.resolve("after"));
    Files.write(after.resolve("db.mv.db"), stores.getFirst());
    Database database =
        Database.open(new DatabaseSettings("jdbc:h2:file:" + after.resolve("db"), "sa", "", 2));
    reopened.add(database);
    return JdbcAdapters.over(database);
  }
}

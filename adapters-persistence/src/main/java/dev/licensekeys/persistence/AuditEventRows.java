package dev.licensekeys.persistence;

import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.AuditOperation;
import dev.licensekeys.domain.model.FieldChange;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Audit events as rows, one per event with its field changes in a column ({@link
 * AuditChangesColumn}), written inside the change's transaction. Events written before migration V5
 * have their changes as rows of {@code audit_event_changes}, and are read from there.
 */
final class AuditEventRows {

  private AuditEventRows() {}

  static void insert(Connection connection, AuditEvent event) throws SQLException {
    insertAll(connection, List.of(event));
  }

  /** Many events at once, in one JDBC batch. */
  static void insertAll(Connection connection, Seq<AuditEvent> events) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO audit_events"
                + " (business_id, subject_id, operation, occurred_at, api_key_id, changes)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      for (AuditEvent event : events) {
        insert.setString(1, event.businessId());
        insert.setString(2, event.subjectId());
        insert.setString(3, event.operation().name());
        Sql.setInstant(insert, 4, event.at());
        Sql.setText(insert, 5, event.apiKeyId());
        insert.setString(6, AuditChangesColumn.encode(event.changes()));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  static Seq<AuditEvent> select(Connection connection, String businessId, String subjectId)
      throws SQLException {
    Map<Long, AuditEvent> events = new LinkedHashMap<>();
    Set<Long> writtenAsRows = new HashSet<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT id, business_id, subject_id, operation, occurred_at, api_key_id, changes"
                + " FROM audit_events WHERE business_id = ? AND subject_id = ? ORDER BY id")) {
      query.setString(1, businessId);
      query.setString(2, subjectId);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          String changesColumn = row.getString("changes");
          if (changesColumn == null) {
            writtenAsRows.add(row.getLong("id"));
          }
          events.put(
              row.getLong("id"),
              new AuditEvent(
                  row.getString("business_id"),
                  row.getString("subject_id"),
                  AuditOperation.valueOf(row.getString("operation")),
                  Option.of(changesColumn).map(AuditChangesColumn::decode).getOrElse(List.empty()),
                  Sql.instant(row, "occurred_at"),
                  Sql.optionalText(row, "api_key_id")));
        }
      }
    }
    if (writtenAsRows.isEmpty()) {
      return List.ofAll(events.values());
    }
    // Events written before V5 keep their changes as rows of audit_event_changes.
    Map<Long, java.util.List<FieldChange>> changes = new LinkedHashMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT c.event_id, c.field_name, c.old_value, c.new_value"
                + " FROM audit_event_changes c JOIN audit_events e ON e.id = c.event_id"
                + " WHERE e.business_id = ? AND e.subject_id = ? ORDER BY c.event_id, c.seq")) {
      query.setString(1, businessId);
      query.setString(2, subjectId);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          changes
              .computeIfAbsent(row.getLong("event_id"), id -> new ArrayList<>())
              .add(
                  new FieldChange(
                      row.getString("field_name"),
                      Option.of(row.getString("old_value")),
                      Option.of(row.getString("new_value"))));
        }
      }
    }
    return List.ofAll(events.entrySet())
        .map(
            entry ->
                writtenAsRows.contains(entry.getKey())
                    ? withChanges(
                        entry.getValue(),
                        List.ofAll(changes.getOrDefault(entry.getKey(), java.util.List.of())))
                    : entry.getValue());
  }

  private static AuditEvent withChanges(AuditEvent event, Seq<FieldChange> changes) {
    return new AuditEvent(
        event.businessId(),
        event.subjectId(),
        event.operation(),
        changes,
        event.at(),
        event.apiKeyId());
  }
}

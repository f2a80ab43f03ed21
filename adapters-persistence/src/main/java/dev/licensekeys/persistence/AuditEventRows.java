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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Audit events as rows: one per event, one per changed field, written inside the change's
 * transaction.
 */
final class AuditEventRows {

  private AuditEventRows() {}

  static void insert(Connection connection, AuditEvent event) throws SQLException {
    insertAll(connection, List.of(event));
  }

  /** Many events at once, in two JDBC batches: the events, then all their changes. */
  static void insertAll(Connection connection, Seq<AuditEvent> events) throws SQLException {
    java.util.List<Long> ids = new ArrayList<>(events.size());
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO audit_events (business_id, subject_id, operation, occurred_at, api_key_id)"
                + " VALUES (?, ?, ?, ?, ?)",
            new String[] {"id"})) {
      for (AuditEvent event : events) {
        insert.setString(1, event.businessId());
        insert.setString(2, event.subjectId());
        insert.setString(3, event.operation().name());
        Sql.setInstant(insert, 4, event.at());
        Sql.setText(insert, 5, event.apiKeyId());
        insert.addBatch();
      }
      insert.executeBatch();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        while (keys.next()) {
          ids.add(keys.getLong(1));
        }
      }
    }
    if (ids.size() != events.size()) {
      throw new IllegalStateException(
          "the database returned " + ids.size() + " ids for " + events.size() + " events");
    }
    try (PreparedStatement change =
        connection.prepareStatement(
            "INSERT INTO audit_event_changes (event_id, seq, field_name, old_value, new_value)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      int index = 0;
      for (AuditEvent event : events) {
        long eventId = ids.get(index++);
        int seq = 0;
        for (FieldChange fieldChange : event.changes()) {
          change.setLong(1, eventId);
          change.setInt(2, seq++);
          change.setString(3, fieldChange.field());
          Sql.setText(change, 4, fieldChange.before());
          Sql.setText(change, 5, fieldChange.after());
          change.addBatch();
        }
      }
      change.executeBatch();
    }
  }

  static Seq<AuditEvent> select(Connection connection, String businessId, String subjectId)
      throws SQLException {
    Map<Long, AuditEvent> events = new LinkedHashMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT id, business_id, subject_id, operation, occurred_at, api_key_id"
                + " FROM audit_events WHERE business_id = ? AND subject_id = ? ORDER BY id")) {
      query.setString(1, businessId);
      query.setString(2, subjectId);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          events.put(
              row.getLong("id"),
              new AuditEvent(
                  row.getString("business_id"),
                  row.getString("subject_id"),
                  AuditOperation.valueOf(row.getString("operation")),
                  List.empty(),
                  Sql.instant(row, "occurred_at"),
                  Sql.optionalText(row, "api_key_id")));
        }
      }
    }
    if (events.isEmpty()) {
      return List.empty();
    }
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
                withChanges(
                    entry.getValue(),
                    List.ofAll(changes.getOrDefault(entry.getKey(), java.util.List.of()))));
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

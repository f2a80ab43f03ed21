package dev.licensekeys.domain.port.out;

import dev.licensekeys.domain.model.AuditEvent;
import io.vavr.collection.Seq;

/**
 * Reads the audit events of one key or instance, oldest first. Events are written by the port that
 * stores the change they describe, in the same transaction.
 */
public interface AuditTrail {

  Seq<AuditEvent> eventsOf(String businessId, String subjectId);
}

package dev.licensekeys.persistence;

import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.port.out.AuditTrail;
import io.vavr.collection.Seq;

public final class JdbcAuditTrail implements AuditTrail {

  private final Transactions transactions;

  JdbcAuditTrail(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public Seq<AuditEvent> eventsOf(String businessId, String subjectId) {
    return transactions.read(
        "reading audit events",
        connection -> AuditEventRows.select(connection, businessId, subjectId));
  }
}

package dev.licensekeys.domain.inmemory;

import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.port.out.AuditTrail;
import io.vavr.collection.Seq;

public final class InMemoryAuditTrail implements AuditTrail {

  private final InMemoryState state;

  InMemoryAuditTrail(InMemoryState state) {
    this.state = state;
  }

  @Override
  public Seq<AuditEvent> eventsOf(String businessId, String subjectId) {
    synchronized (state) {
      return state
          .auditLog
          .events()
          .filter(
              event ->
                  event.businessId().equals(businessId) && event.subjectId().equals(subjectId));
    }
  }
}

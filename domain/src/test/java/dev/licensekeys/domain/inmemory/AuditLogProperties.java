package dev.licensekeys.domain.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.fixtures.DomainArbitraries;
import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.AuditOperation;
import dev.licensekeys.domain.model.FieldChange;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.nio.ByteBuffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The log gives back every event it was given, whole and in order, whatever its block size. */
class AuditLogProperties {

  @Property
  void anEventSurvivesItsBytes(@ForAll("events") AuditEvent event) {
    ByteBuffer bytes = ByteBuffer.allocate(AuditEventBytes.size(event));
    AuditEventBytes.encode(event, bytes);

    assertThat(bytes.hasRemaining()).as("the size was exact").isFalse();
    assertThat(AuditEventBytes.decode(bytes.flip())).isEqualTo(event);
  }

  @Property
  void eventsComeBackInTheOrderAppended(
      @ForAll @Size(max = 40) java.util.List<@From("events") AuditEvent> events,
      @ForAll @IntRange(min = 1, max = 600) int blockBytes) {
    AuditLog log = new AuditLog(blockBytes);
    events.forEach(log::append);

    assertThat(log.events()).containsExactlyElementsOf(events);
  }

  @Provide
  Arbitrary<AuditEvent> events() {
    Arbitrary<String> ids =
        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(30).filter(id -> !id.isBlank());
    Arbitrary<Option<String>> values =
        Arbitraries.strings().all().ofMaxLength(40).injectNull(0.3).map(Option::of);
    Arbitrary<FieldChange> changes = Combinators.combine(ids, values, values).as(FieldChange::new);
    return Combinators.combine(
            ids,
            ids,
            Arbitraries.of(AuditOperation.class),
            changes.list().ofMaxSize(7).map(List::ofAll),
            DomainArbitraries.instants(),
            ids.injectNull(0.3).map(Option::of))
        .as(AuditEvent::new);
  }
}

package dev.licensekeys.domain.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensekeys.domain.fixtures.DomainArbitraries;
import dev.licensekeys.domain.model.AuditEvent;
import dev.licensekeys.domain.model.AuditOperation;
import dev.licensekeys.domain.model.FieldChange;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.nio.ByteBuffer;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The log gives back every event it was given, whole and in order, whatever its block size and the
 * chars of its text.
 */
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
      @ForAll @IntRange(min = 1, max = 300) int firstBlockBytes,
      @ForAll @IntRange(min = 1, max = 3000) int maxBlockBytes) {
    AuditLog log = new AuditLog(firstBlockBytes, maxBlockBytes);
    events.forEach(log::append);

    assertThat(log.events()).containsExactlyElementsOf(events);
  }

  @Example
  void textTakesOneByteACharWhenEveryCharIsLatin1AndTwoOtherwise() {
    int latin1 = AuditEventBytes.size(imported("lic_abcdé"));
    int utf16 = AuditEventBytes.size(imported("lic_abcdĕ"));

    assertThat(utf16 - latin1).isEqualTo("lic_abcdĕ".length());
  }

  private static AuditEvent imported(String keyId) {
    return new AuditEvent(
        "bus_1", keyId, AuditOperation.IMPORT, List.empty(), Instant.EPOCH, Option.none());
  }

  @Provide
  Arbitrary<AuditEvent> events() {
    // Latin-1 text is kept a byte a char, any other as UTF-16: both kinds, and both in one event.
    Arbitrary<String> texts =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(40),
            Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(40));
    Arbitrary<String> ids = texts.filter(id -> !id.isBlank());
    Arbitrary<Option<String>> values = texts.injectNull(0.3).map(Option::of);
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

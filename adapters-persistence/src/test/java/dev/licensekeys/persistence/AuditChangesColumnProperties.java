package dev.licensekeys.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.licensekeys.domain.model.FieldChange;
import io.vavr.collection.List;
import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AuditChangesColumnProperties {

  @Property
  void whatIsWrittenIsReadBack(@ForAll("changes") java.util.List<FieldChange> changes) {
    List<FieldChange> written = List.ofAll(changes);

    assertThat(AuditChangesColumn.decode(AuditChangesColumn.encode(written)))
        .containsExactlyElementsOf(written);
  }

  @Example
  void theColumnIsAJsonArrayOfTriples() {
    assertThat(
            AuditChangesColumn.encode(
                List.of(
                    new FieldChange("activations_limit", Option.some("5"), Option.none()),
                    new FieldChange(
                        "name", Option.some("a \"quoted\" \\ tab\t"), Option.some("")))))
        .isEqualTo(
            "[[\"activations_limit\",\"5\",null],[\"name\",\"a \\\"quoted\\\" \\\\ tab\\u0009\",\"\"]]");
    assertThat(AuditChangesColumn.encode(List.empty())).isEqualTo("[]");
  }

  @Property
  void anythingElseIsRefusedLoudly(@ForAll("malformed") String column) {
    assertThatThrownBy(() -> AuditChangesColumn.decode(column))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("malformed");
  }

  @Provide
  Arbitrary<String> malformed() {
    return Arbitraries.of(
        "",
        "[",
        "[[]]",
        "[[\"f\",null]]",
        "[[\"f\",null,null]",
        "[[\"f\",null,null]]x",
        "[[\"f\",\"\\x\",null]]",
        "[[\"f\",\"\\u12\",null]]",
        "[[\"f\",\"\\u+123\",null]]",
        "[[\"f\",\"open,null]]",
        "[[null,null,null]]");
  }

  @Provide
  Arbitrary<java.util.List<FieldChange>> changes() {
    Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(40);
    Arbitrary<FieldChange> change =
        Combinators.combine(
                text.filter(field -> !field.isBlank()),
                text.injectNull(0.3).map(Option::of),
                text.injectNull(0.3).map(Option::of))
            .as(FieldChange::new);
    return change.list().ofMaxSize(8);
  }
}

package dev.licensekeys.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.UUID;

/** The domain's own rules: JDK and Vavr only, no hidden clock or randomness, no cycles. */
@AnalyzeClasses(
    packages = "dev.licensekeys.domain",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule domainDependsOnTheJdkVavrAndItselfOnly =
      classes()
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "io.vavr..", "dev.licensekeys.domain..");

  @ArchTest
  static final ArchRule timeComesFromAnInjectedClock =
      noClasses()
          .should()
          .callMethod(Instant.class, "now")
          .orShould()
          .callMethod(LocalDateTime.class, "now")
          .orShould()
          .callMethod(LocalDate.class, "now")
          .orShould()
          .callMethod(OffsetDateTime.class, "now")
          .orShould()
          .callMethod(ZonedDateTime.class, "now")
          .orShould()
          .callMethod(Clock.class, "systemUTC")
          .orShould()
          .callMethod(Clock.class, "systemDefaultZone")
          .orShould()
          .callMethod(System.class, "currentTimeMillis")
          .because("time comes from an injected java.time.Clock");

  @ArchTest
  static final ArchRule idsComeFromTheIdGeneratorPort =
      noClasses()
          .should()
          .callMethod(UUID.class, "randomUUID")
          .orShould()
          .callConstructorWhere(
              DescribedPredicate.describe(
                  "a constructor of java.util.Random or a subclass",
                  call -> call.getTarget().getOwner().isAssignableTo(Random.class)))
          .orShould()
          .callMethod(Math.class, "random")
          .because("ids come from the IdGenerator port");

  @ArchTest
  static final ArchRule domainPackagesHaveNoCycles =
      slices().matching("dev.licensekeys.domain.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule portsNeverDependOnServices =
      noClasses()
          .that()
          .resideInAPackage("dev.licensekeys.domain.port..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.licensekeys.domain.service..");

  @ArchTest
  static final ArchRule modelPortsServicesAreLayered =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("Model")
          .definedBy("dev.licensekeys.domain.model..", "dev.licensekeys.domain.patch..")
          .layer("Ports")
          .definedBy("dev.licensekeys.domain.port..")
          .layer("Services")
          .definedBy("dev.licensekeys.domain.service..")
          .whereLayer("Services")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Ports")
          .mayOnlyBeAccessedByLayers("Services")
          .whereLayer("Model")
          .mayOnlyBeAccessedByLayers("Ports", "Services");
}

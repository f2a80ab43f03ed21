package dev.licensekeys.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The whole service's layers, across modules; the domain's own rules live in the domain. */
@AnalyzeClasses(
    packages = "dev.licensekeys",
    importOptions = {
      ImportOption.DoNotIncludeTests.class,
      ArchitectureTest.DoNotIncludeTestJars.class
    })
class ArchitectureTest {

  /** The domain's test-jar (in-memory adapters, contracts) is test code too. */
  static final class DoNotIncludeTestJars implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("-tests.jar");
    }
  }

  @ArchTest
  static final ArchRule layers =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("Model")
          .definedBy("dev.licensekeys.domain.model..", "dev.licensekeys.domain.patch..")
          .layer("Ports")
          .definedBy("dev.licensekeys.domain.port..")
          .layer("Services")
          .definedBy("dev.licensekeys.domain.service..")
          .layer("Http")
          .definedBy("dev.licensekeys.http..")
          .layer("Persistence")
          .definedBy("dev.licensekeys.persistence..")
          .layer("App")
          .definedBy("dev.licensekeys.app..")
          .whereLayer("App")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Http")
          .mayOnlyBeAccessedByLayers("App")
          .whereLayer("Persistence")
          .mayOnlyBeAccessedByLayers("App")
          .whereLayer("Services")
          .mayOnlyBeAccessedByLayers("App")
          .whereLayer("Ports")
          .mayOnlyBeAccessedByLayers("Services", "Http", "Persistence", "App")
          .whereLayer("Model")
          .mayOnlyBeAccessedByLayers("Ports", "Services", "Http", "Persistence", "App");

  @ArchTest
  static final ArchRule jakartaValidationOnlyInHttp =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.licensekeys.http..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("jakarta.validation..", "org.hibernate.validator..");

  @ArchTest
  static final ArchRule jdbcOnlyInPersistence =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.licensekeys.persistence..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.sql..", "javax.sql..", "org.flywaydb..", "com.zaxxer..");

  @ArchTest
  static final ArchRule jsonAndTheServerOnlyInHttpAndApp =
      noClasses()
          .that()
          .resideInAnyPackage("dev.licensekeys.domain..", "dev.licensekeys.persistence..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.fasterxml.jackson..", "io.helidon..");

  @ArchTest
  static final ArchRule noCyclesBetweenModules =
      slices().matching("dev.licensekeys.(*)..").should().beFreeOfCycles();
}

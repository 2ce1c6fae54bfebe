package org.seatledger.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.seatledger.eventlog.api.Modules;

/**
 * The module boundaries of the design: each module publishes one package, {@code
 * org.seatledger.<module>.api}; nothing else of it may be used by another module, and modules form
 * no cycle. The modules are those of {@link Modules}; every rule runs on production classes of all
 * of them, and fails if any module's classes were not found, rather than passing on nothing.
 */
class ModuleBoundariesTest {

  /** Even the smallest module has an api and a service with its helpers; fewer is a broken jar. */
  private static final int MINIMUM_CLASSES = 3;

  private static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.seatledger");

  @Test
  void everyModuleOfTheListIsOnTheClasspathAndNoOtherModuleIs() {
    Set<String> found = new TreeSet<>();
    for (JavaClass type : PRODUCTION) {
      String below = type.getPackageName().substring("org.seatledger.".length());
      found.add(below.contains(".") ? below.substring(0, below.indexOf('.')) : below);
    }
    assertEquals(
        new TreeSet<>(Modules.IN_DEPENDENCY_ORDER),
        found,
        "the classes imported are exactly those of the listed modules");
    for (String module : Modules.IN_DEPENDENCY_ORDER) {
      long classes =
          PRODUCTION.stream()
              .filter(type -> type.getPackageName().startsWith("org.seatledger." + module + "."))
              .count();
      assertTrue(
          classes >= MINIMUM_CLASSES,
          module + " has " + classes + " classes on the classpath; its jar is missing or empty");
    }
  }

  @Test
  void modulesUseEachOtherOnlyThroughTheirApiPackages() {
    for (String module : Modules.IN_DEPENDENCY_ORDER) {
      onlyApiOf(module).check(PRODUCTION);
    }
  }

  @Test
  void modulesFormNoCycle() {
    slices().matching("org.seatledger.(*)..").should().beFreeOfCycles().check(PRODUCTION);
  }

  @Test
  void theEventLogDependsOnNoOtherModule() {
    noClasses()
        .that()
        .resideInAPackage("org.seatledger.eventlog..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.seatledger.booking..",
            "org.seatledger.reporting..",
            "org.seatledger.audit..",
            "org.seatledger.web..")
        .check(PRODUCTION);
  }

  @Test
  void theBookingModuleDependsOnTheEventLogOnly() {
    noClasses()
        .that()
        .resideInAPackage("org.seatledger.booking..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.seatledger.reporting..", "org.seatledger.audit..", "org.seatledger.web..")
        .check(PRODUCTION);
  }

  @Test
  void theRuleCatchesAModuleReachingIntoAnotherModulesInternals() {
    JavaClasses withLeak =
        new ClassFileImporter()
            .importPackages("org.seatledger.reporting.leak", "org.seatledger.booking");
    EvaluationResult result = onlyApiOf("booking").evaluate(withLeak);
    assertTrue(
        result.hasViolation(), "a reporting class using booking internals must fail the build");
    assertFalse(
        onlyApiOf("booking").evaluate(PRODUCTION).hasViolation(),
        "the production code itself keeps to the api packages");
  }

  /** Classes outside {@code module} may use only its {@code api} package. */
  private static ArchRule onlyApiOf(String module) {
    String root = "org.seatledger." + module;
    return noClasses()
        .that()
        .resideOutsideOfPackage(root + "..")
        .and()
        .resideInAPackage("org.seatledger..")
        .should()
        .dependOnClassesThat(internalTo(root))
        .because("other modules may use only " + root + ".api");
  }

  private static DescribedPredicate<JavaClass> internalTo(String root) {
    return DescribedPredicate.describe(
        "are internal to " + root,
        target ->
            target.getPackageName().startsWith(root + ".")
                && !target.getPackageName().equals(root + ".api")
                && !target.getPackageName().startsWith(root + ".api."));
  }
}

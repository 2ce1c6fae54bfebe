package org.seatledger.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of the design: each module publishes one package, {@code
 * org.seatledger.<module>.api}; nothing else of it may be used by another module, and modules form
 * no cycle.
 */
class ModuleBoundariesTest {

  private static final List<String> MODULES = List.of("booking", "reporting", "audit", "web");

  private static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.seatledger");

  @Test
  void modulesUseEachOtherOnlyThroughTheirApiPackages() {
    for (String module : MODULES) {
      onlyApiOf(module).check(PRODUCTION);
    }
  }

  @Test
  void modulesFormNoCycle() {
    slices()
        .matching("org.seatledger.(*)..")
        .should()
        .beFreeOfCycles()
        .allowEmptyShould(true)
        .check(PRODUCTION);
  }

  @Test
  void theBookingModuleDependsOnNoOtherModule() {
    noClasses()
        .that()
        .resideInAPackage("org.seatledger.booking..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.seatledger.reporting..", "org.seatledger.audit..", "org.seatledger.web..")
        .allowEmptyShould(true)
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
        .allowEmptyShould(true)
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

package org.seatledger.web.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.seatledger.eventlog.api.SchemaReady;

/**
 * At start-up the tables may not exist yet (the database may even be away): only the migrations
 * themselves, and what never touches a table, may run on {@code Startup}; everything else waits for
 * {@link SchemaReady}.
 */
class StartupOrderTest {

  private static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.seatledger");

  @Test
  void onlyTheMigrationsAndTheMetricGaugesStartBeforeTheSchemaIsReady() {
    assertEquals(
        Set.of(
            "org.seatledger.web.infrastructure.SchemaMigrations",
            // registers gauges only; they read lazily and answer -1 while the tables are away
            "org.seatledger.web.infrastructure.ProjectionMetrics"),
        observersOf(Startup.class));
  }

  @Test
  void everyModuleStartsItsTimersWhenTheSchemaIsReady() {
    Set<String> observers = observersOf(SchemaReady.class);
    for (String timer :
        Set.of(
            "org.seatledger.booking.application.HoldExpiry",
            "org.seatledger.eventlog.store.FailFastReads",
            // every module's projectors (reporting's read models, audit's trail): one host
            "org.seatledger.eventlog.projection.ProjectionEngine",
            // the scheduled hash-chain verification
            "org.seatledger.audit.application.Audit")) {
      assertTrue(observers.contains(timer), timer + " observes SchemaReady: " + observers);
    }
  }

  private static Set<String> observersOf(Class<?> event) {
    Set<String> owners = new TreeSet<>();
    for (var type : PRODUCTION) {
      for (JavaMethod method : type.getMethods()) {
        for (JavaParameter parameter : method.getParameters()) {
          if (parameter.isAnnotatedWith(Observes.class)
              && parameter.getRawType().isEquivalentTo(event)) {
            owners.add(type.getName());
          }
        }
      }
    }
    return owners;
  }
}

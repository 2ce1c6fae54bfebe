package org.seatledger.it.store;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A small deployment with the event log's and the booking module's jars, next to the running EAR
 * and on the same database: a second "server" of the event store, as several servers behind a load
 * balancer are.
 */
final class StoreDeployment {
  private StoreDeployment() {}

  /** With the reporting module too: a second server's projectors on the same read models. */
  static WebArchive withReporting(String name, Class<?>... classes) {
    return of(name, classes)
        .addAsLibrary(
            new File(
                System.getProperty(
                    "reporting.jar", "../reporting-module/target/reporting-module.jar")));
  }

  static WebArchive of(String name, Class<?>... classes) {
    File eventLogJar =
        new File(System.getProperty("eventlog.jar", "../event-log/target/event-log.jar"));
    File bookingJar =
        new File(System.getProperty("booking.jar", "../booking-module/target/booking-module.jar"));
    return ShrinkWrap.create(WebArchive.class, name + ".war")
        .addAsLibrary(eventLogJar)
        .addAsLibrary(bookingJar)
        .addClasses(classes)
        .addClasses(StoreDeployment.class, SchemaAlreadyMigrated.class)
        .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
  }
}

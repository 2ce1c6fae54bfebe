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
    WebArchive archive =
        ShrinkWrap.create(WebArchive.class, name + ".war")
            .addAsLibrary(eventLogJar)
            .addAsLibrary(bookingJar)
            .addClasses(classes)
            .addClasses(StoreDeployment.class, SchemaAlreadyMigrated.class)
            .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    return withUserEvents(archive);
  }

  /**
   * The web module's events — access control (user-&lt;name&gt; streams) and read-model operations
   * (read-model-&lt;name&gt;) — are in the same log: a second server reads every event, so it needs
   * their types too. They are taken as compiled, from web-ui's classes (a WAR module is no
   * dependency of this one).
   */
  private static WebArchive withUserEvents(WebArchive archive) {
    withCompiled(archive, "org/seatledger/web/security", "UserEvent", "UserCatalogue.class");
    return withCompiled(
        archive, "org/seatledger/web/application", "ReadModelEvent", "ReadModelCatalogue.class");
  }

  private static WebArchive withCompiled(
      WebArchive archive, String folderName, String eventsPrefix, String catalogue) {
    File classes = new File(System.getProperty("webui.classes", "../web-ui/target/classes"));
    File folder = new File(classes, folderName);
    File[] files =
        folder.listFiles((dir, file) -> file.startsWith(eventsPrefix) || file.equals(catalogue));
    if (files == null || files.length < 2) {
      throw new IllegalStateException("no compiled " + eventsPrefix + " in " + folder);
    }
    for (File file : files) {
      archive.addAsWebInfResource(file, "classes/" + folderName + "/" + file.getName());
    }
    return archive;
  }
}

package org.seatledger.web.pages.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.seatledger.eventlog.api.DataSubject;
import org.seatledger.eventlog.api.EventCatalogue;
import org.seatledger.eventlog.api.EventType;
import org.seatledger.eventlog.api.PersonalData;
import org.seatledger.eventlog.api.projection.Projection;
import org.seatledger.eventlog.api.projection.ProjectionSet;

/**
 * {@code /admin/catalogue}: every event type the application registers, generated from the
 * catalogues and the records themselves (never written by hand) — stored name, current schema
 * version and the upcasters from older ones, the data subject and personal-data fields, the
 * projections that read it (as each declares) and an example payload (its golden fixture, {@link
 * EventExamples}) — with how many events of each stored version the log holds ({@link
 * EventCounts}).
 */
@Named
@RequestScoped
public class CataloguePage {

  /** One event type as the page shows it. */
  public record Type(
      String name,
      String recordName,
      String module,
      int version,
      List<Integer> upcastFrom,
      String subject,
      List<String> personalFields,
      Map<Integer, Long> counts,
      List<String> readers,
      String example) {

    public long total() {
      return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** "v1: 3, v2: 40", or "none". */
    public String countsText() {
      if (counts.isEmpty()) {
        return "none";
      }
      List<String> parts = new ArrayList<>();
      counts.forEach((version, count) -> parts.add("v" + version + ": " + count));
      return String.join(", ", parts);
    }
  }

  @Inject @Any Instance<EventCatalogue> catalogues;
  @Inject @Any Instance<ProjectionSet> projectionSets;
  @Inject EventCounts counts;

  private List<Type> types;

  public List<Type> getTypes() {
    if (types == null) {
      types = read();
    }
    return types;
  }

  /** The position the counts shown reach (after they were brought up to date). */
  public long getCountedUpTo() {
    getTypes();
    return counts.countedUpTo();
  }

  private List<Type> read() {
    Collected collected = new Collected();
    catalogues.forEach(catalogue -> catalogue.register(collected));
    Map<String, Map<Integer, Long>> inLog = counts.now();
    List<Type> all = new ArrayList<>();
    for (Class<? extends Record> type : collected.types) {
      EventType annotation = type.getAnnotation(EventType.class);
      String subject = null;
      List<String> personal = new ArrayList<>();
      for (RecordComponent component : type.getRecordComponents()) {
        if (component.isAnnotationPresent(DataSubject.class)) {
          subject = component.getName();
        }
        if (component.isAnnotationPresent(PersonalData.class)) {
          personal.add(component.getName());
        }
      }
      all.add(
          new Type(
              annotation.name(),
              type.getSimpleName(),
              moduleOf(type),
              annotation.version(),
              collected.upcasters.getOrDefault(annotation.name(), List.of()),
              subject,
              List.copyOf(personal),
              inLog.getOrDefault(annotation.name(), Map.of()),
              readers(type),
              EventExamples.of(type, annotation.name(), annotation.version()).orElse(null)));
    }
    all.sort(Comparator.comparing(Type::module).thenComparing(Type::name));
    return all;
  }

  /**
   * The projections that read events of {@code type}, from what each declares ({@link
   * Projection#eventClasses()}); one that reads every event is marked so.
   */
  private List<String> readers(Class<?> type) {
    List<String> readers = new ArrayList<>();
    for (ProjectionSet set : projectionSets) {
      for (Projection projection : set.projections()) {
        Set<Class<?>> reads = projection.eventClasses();
        if (reads.isEmpty()) {
          readers.add(projection.name() + " (every event)");
        } else if (reads.contains(type)) {
          readers.add(projection.name());
        }
      }
    }
    readers.sort(Comparator.naturalOrder());
    return List.copyOf(readers);
  }

  /** {@code org.seatledger.booking.api.X} → booking, {@code org.seatledger.web.…} → web. */
  static String moduleOf(Class<?> type) {
    String[] parts = type.getPackageName().split("\\.");
    return parts.length > 2 ? parts[2] : type.getPackageName();
  }

  /** What the catalogues register, kept instead of used. */
  private static final class Collected implements EventCatalogue.Registrar {
    final List<Class<? extends Record>> types = new ArrayList<>();
    final Map<String, List<Integer>> upcasters = new TreeMap<>();

    @Override
    public EventCatalogue.Registrar event(Class<? extends Record> type) {
      types.add(type);
      return this;
    }

    @Override
    public EventCatalogue.Registrar upcaster(
        String name, int fromVersion, UnaryOperator<JsonObject> upcaster) {
      upcasters.computeIfAbsent(name, n -> new ArrayList<>()).add(fromVersion);
      return this;
    }
  }
}

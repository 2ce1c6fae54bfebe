package org.seatledger.eventlog.api.projection;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A module's projections and the checkpoint table (one of the module's own tables, created by its
 * migrations) that holds one row per projection.
 *
 * <p>A module declares its set as a CDI bean, usually a static producer field ({@code @Produces
 * static final ProjectionSet …}), and asks {@link ProjectionHost#projectors} for the handle its
 * queries use. The host looks up every declared set when the schema is ready, so the projectors run
 * from start-up even when nothing has asked the module anything yet.
 *
 * @param checkpointTable the checkpoint table's name: lower-case letters, digits and underscores
 *     only, as it is written into the engine's SQL
 * @param projections at least one, with distinct names
 */
public record ProjectionSet(String checkpointTable, List<Projection> projections) {

  private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]*");

  public ProjectionSet {
    Objects.requireNonNull(checkpointTable, "checkpointTable");
    if (!TABLE.matcher(checkpointTable).matches()) {
      throw new IllegalArgumentException("not a plain table name: " + checkpointTable);
    }
    projections = List.copyOf(projections);
    if (projections.isEmpty()) {
      throw new IllegalArgumentException("a set needs at least one projection");
    }
    if (new HashSet<>(names(projections)).size() != projections.size()) {
      throw new IllegalArgumentException("projection names repeat: " + names(projections));
    }
  }

  /** The projections' names, in the set's order. */
  public List<String> names() {
    return names(projections);
  }

  private static List<String> names(List<Projection> projections) {
    return projections.stream().map(Projection::name).toList();
  }
}

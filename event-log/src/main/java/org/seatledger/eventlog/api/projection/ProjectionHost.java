package org.seatledger.eventlog.api.projection;

/**
 * Where a module's projections run. The event log's projection engine implements it as an
 * application-scoped CDI bean; a module injects it and asks for the handle of its {@link
 * ProjectionSet}.
 *
 * <p>The host owns the projectors' lifecycle: nothing runs before the schema is ready (the module's
 * tables may not exist yet); then every projector of every set catches up at once and again on a
 * short timer ({@code seatledger.projection-interval-ms}), each on a task of its own on the managed
 * executor; the timers stop when the application stops.
 */
public interface ProjectionHost {

  /**
   * The projectors of {@code set}. The first call for a checkpoint table creates them (the host
   * makes that call itself for every declared set once the schema is ready); every later call for
   * that table returns the same handle.
   *
   * @throws IllegalArgumentException when the checkpoint table already holds other projections
   */
  Projectors projectors(ProjectionSet set);
}

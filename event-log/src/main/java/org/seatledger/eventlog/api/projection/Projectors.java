package org.seatledger.eventlog.api.projection;

import java.time.Duration;
import java.util.List;

/**
 * The running projectors of one {@link ProjectionSet}, as {@link ProjectionHost} hands them out: a
 * module wakes them, reads where they stand and lets an admin steer them. Every method naming a
 * projection takes its {@link Projection#name()}.
 */
public interface Projectors {

  /** The projections' names, in the set's order. */
  List<String> names();

  /**
   * Asks every projector to catch up now, each on a task of its own, side by side; returns at once.
   * A module calls it when the log has advanced. With {@code seatledger.projection-wake-up=false}
   * it does nothing and the timer alone brings them up.
   */
  void wake();

  /**
   * Like {@link #wake()}, after a commit whose last event is at {@code position}: a projector this
   * server has already brought past it is left alone, and the host may catch several of the others
   * up together in one transaction (any it cannot then catches up on its own). Modules call it from
   * the {@code LogAdvanced} wake-up, which names the position.
   */
  default void wake(long position) {
    wake();
  }

  /**
   * The position a projection has applied, from this server's last look or the checkpoint row.
   *
   * @throws IllegalArgumentException when the projection is not one of these
   */
  long position(String projection);

  /**
   * The generation of rows a projection's queries read (a rebuild fills the next one beside it).
   *
   * @throws IllegalArgumentException when the projection is not one of these
   */
  int generation(String projection);

  /**
   * Waits, at most {@code patience}, until a projection has applied {@code position}, helping it
   * along; false when it has not by then or is not one of these.
   */
  boolean awaitPosition(String projection, long position, Duration patience);

  /** Where each projection stands, in the set's order. */
  List<ProjectionStatus> status();

  /**
   * Resumes a projection stopped at a poison event: it tries that event again, at once. False when
   * it is not one of these.
   */
  boolean retry(String projection);

  /**
   * Pauses a running projection on every server until {@link #resume}. False when it is not one of
   * these or not running.
   */
  boolean pause(String projection);

  /** Resumes a paused projection. False when it is not one of these or not paused. */
  boolean resume(String projection);

  /**
   * Starts filling the next generation from the beginning of the log while the live one keeps
   * serving; the switch happens when it has caught up. False when it is not one of these or a
   * rebuild already runs.
   */
  boolean rebuild(String projection);

  /** Stops the timer; a projector already running finishes its batch. */
  void stop();
}

package org.seatledger.booking.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.seatledger.booking.api.BookingCommand;
import org.seatledger.booking.api.BookingCommand.AddSeatType;
import org.seatledger.booking.api.BookingCommand.AssignAttendees;
import org.seatledger.booking.api.BookingCommand.CancelBooking;
import org.seatledger.booking.api.BookingCommand.ChangeSeatQuantity;
import org.seatledger.booking.api.BookingCommand.ConfirmBooking;
import org.seatledger.booking.api.BookingCommand.CreateConference;
import org.seatledger.booking.api.BookingCommand.ExpireOverdueHolds;
import org.seatledger.booking.api.BookingCommand.PlaceBooking;
import org.seatledger.booking.api.BookingCommand.PublishConference;
import org.seatledger.booking.api.BookingCommand.UnpublishConference;
import org.seatledger.booking.api.CommandContext;
import org.seatledger.booking.api.CommandRefused;
import org.seatledger.booking.application.Verdict.Decided;

/**
 * Hands each command to the handler of the aggregate it is about, by its type: one {@link Route}
 * per record of the sealed {@link BookingCommand}. (Java 17 has no pattern switch that the compiler
 * checks for completeness; the table is checked instead, when it is built: a command type without a
 * route, or with two, fails {@code CommandHandlersTest}, which builds it.)
 */
@ApplicationScoped
public class CommandHandlers {

  @Inject ConferenceHandler conferences;
  @Inject BookingHandler bookings;
  @Inject OverdueHolds holds;

  private Map<Class<?>, Route<?>> routes;

  /** The part of a handler that decides one type of command. */
  @FunctionalInterface
  interface Handler<C extends BookingCommand> {
    Decided decide(String conferenceId, C command, CommandContext context, Work work);
  }

  /** Commands of {@code type} go to {@code handler}. */
  record Route<C extends BookingCommand>(Class<C> type, Handler<C> handler) {
    Decided decide(String conferenceId, BookingCommand command, CommandContext context, Work w) {
      return handler.decide(conferenceId, type.cast(command), context, w);
    }
  }

  @PostConstruct
  void init() {
    routes = index(routes(conferences, bookings, holds));
  }

  /** Every command type with the handler that decides it. */
  static List<Route<?>> routes(
      ConferenceHandler conferences, BookingHandler bookings, OverdueHolds holds) {
    return List.of(
        new Route<>(CreateConference.class, conferences::create),
        new Route<>(AddSeatType.class, conferences::addSeatType),
        new Route<>(ChangeSeatQuantity.class, conferences::changeQuantity),
        new Route<>(
            PublishConference.class,
            (id, c, context, w) -> conferences.publish(id, true, context, w)),
        new Route<>(
            UnpublishConference.class,
            (id, c, context, w) -> conferences.publish(id, false, context, w)),
        new Route<>(PlaceBooking.class, bookings::place),
        new Route<>(ConfirmBooking.class, bookings::confirm),
        new Route<>(CancelBooking.class, bookings::cancel),
        new Route<>(AssignAttendees.class, (id, c, context, w) -> bookings.assign(c, context, w)),
        new Route<>(ExpireOverdueHolds.class, (id, c, context, w) -> holds.expire(id, context, w)));
  }

  /**
   * The routes by command type.
   *
   * @throws IllegalStateException when a record of {@link BookingCommand} has no route, or two
   */
  static Map<Class<?>, Route<?>> index(List<Route<?>> routes) {
    Map<Class<?>, Route<?>> byType = new HashMap<>();
    for (Route<?> route : routes) {
      if (byType.put(route.type(), route) != null) {
        throw new IllegalStateException("two handlers for " + route.type().getSimpleName());
      }
    }
    for (Class<?> type : commandTypes(BookingCommand.class)) {
      if (!byType.containsKey(type)) {
        throw new IllegalStateException("no handler for " + type.getSimpleName());
      }
    }
    return Map.copyOf(byType);
  }

  /** The records that implement the sealed {@code type}, through its sealed sub-interfaces. */
  static List<Class<?>> commandTypes(Class<?> type) {
    if (!type.isSealed()) {
      return List.of(type);
    }
    return Arrays.stream(type.getPermittedSubclasses())
        .flatMap(sub -> commandTypes(sub).stream())
        .toList();
  }

  /**
   * Decides {@code command} against the batch's {@code work}, for the conference it belongs to; the
   * effects of a decision that appends are in {@code work} for the commands after it.
   */
  Verdict decide(String conferenceId, BookingCommand command, CommandContext context, Work work) {
    try {
      return routes.get(command.getClass()).decide(conferenceId, command, context, work);
    } catch (CommandRefused refused) {
      return new Verdict.Refused(refused);
    }
  }
}

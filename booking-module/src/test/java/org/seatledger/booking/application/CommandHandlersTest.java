package org.seatledger.booking.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.seatledger.booking.api.BookingCommand;
import org.seatledger.booking.api.BookingCommand.AssignAttendees;
import org.seatledger.booking.application.CommandHandlers.Route;

/** Every command the API offers reaches a handler: no command fails for want of one. */
class CommandHandlersTest {

  private final List<Route<?>> routes =
      CommandHandlers.routes(new ConferenceHandler(), new BookingHandler(), new OverdueHolds());

  @Test
  void everyCommandTypeHasExactlyOneHandler() {
    List<Class<?>> commands = CommandHandlers.commandTypes(BookingCommand.class);

    assertEquals(10, commands.size(), "the commands of BookingCommand: " + commands);
    assertEquals(Set.copyOf(commands), CommandHandlers.index(routes).keySet());
  }

  @Test
  void aCommandWithoutAHandlerIsFoundWhenTheTableIsBuilt() {
    List<Route<?>> withoutOne = new ArrayList<>(routes);
    withoutOne.removeIf(route -> route.type() == AssignAttendees.class);

    IllegalStateException missing =
        assertThrows(IllegalStateException.class, () -> CommandHandlers.index(withoutOne));
    assertTrue(missing.getMessage().contains("AssignAttendees"), missing.getMessage());
  }

  @Test
  void aCommandWithTwoHandlersIsFoundWhenTheTableIsBuilt() {
    List<Route<?>> twice = new ArrayList<>(routes);
    twice.add(routes.get(0));

    assertThrows(IllegalStateException.class, () -> CommandHandlers.index(twice));
  }
}

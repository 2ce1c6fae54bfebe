package org.seatledger.booking.application;

import static org.seatledger.booking.application.Kinds.availabilityStream;
import static org.seatledger.booking.application.Kinds.conferenceStream;
import static org.seatledger.booking.application.Kinds.slugStream;
import static org.seatledger.booking.application.Verdict.metadata;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.seatledger.booking.api.BookingCommand.AddSeatType;
import org.seatledger.booking.api.BookingCommand.ChangeSeatQuantity;
import org.seatledger.booking.api.BookingCommand.CreateConference;
import org.seatledger.booking.api.CommandContext;
import org.seatledger.booking.api.CommandOutcome.ConferenceSetUp;
import org.seatledger.booking.api.CommandOutcome.PublicationSet;
import org.seatledger.booking.api.CommandOutcome.SeatTypeSet;
import org.seatledger.booking.api.CommandOutcome.Unchanged;
import org.seatledger.booking.api.CommandRefused;
import org.seatledger.booking.api.ConferenceEvent;
import org.seatledger.booking.api.SeatAvailabilityEvent;
import org.seatledger.booking.api.SlugClaimed;
import org.seatledger.booking.application.Verdict.Decided;
import org.seatledger.booking.domain.Conference;
import org.seatledger.eventlog.api.StreamAppend;

/**
 * Commands on a conference and its seat types: the conference decides, and a change of capacity
 * goes to the seat availability in the same append.
 *
 * @throws CommandRefused from every method, when the rules refuse the command
 */
@ApplicationScoped
public class ConferenceHandler {

  @Inject Repositories repositories;

  /**
   * Sets up the conference and claims its slug in one append; the slug's stream can be created only
   * once, so two conferences never share a slug.
   */
  Decided create(String conferenceId, CreateConference c, CommandContext context, Work work) {
    if (work.exists(slugStream(c.slug()))) {
      throw CommandRefused.conflict("The slug '" + c.slug() + "' is taken by another conference.");
    }
    List<ConferenceEvent> created =
        repositories
            .conference(work, conferenceId)
            .decideCreate(conferenceId, c.name(), c.slug(), c.startsOn(), c.endsOn(), c.venue());
    StreamAppend conference = work.append(conferenceStream(conferenceId), created);
    StreamAppend slug =
        work.create(slugStream(c.slug()), "Slug", List.of(new SlugClaimed(c.slug(), conferenceId)));
    return Decided.of(
        new ConferenceSetUp(conferenceId, c.slug()), metadata(context), List.of(conference, slug));
  }

  Decided addSeatType(String conferenceId, AddSeatType c, CommandContext context, Work work) {
    Conference conference = repositories.conference(work, conferenceId);
    List<ConferenceEvent> added =
        conference.decideAddSeatType(c.code(), c.name(), c.quantity(), c.price(), c.currency());
    return seatTypeSet(conferenceId, c.code(), c.quantity(), added, context, work);
  }

  Decided changeQuantity(
      String conferenceId, ChangeSeatQuantity c, CommandContext context, Work work) {
    List<ConferenceEvent> changed =
        repositories.conference(work, conferenceId).decideChangeQuantity(c.code(), c.quantity());
    if (changed.isEmpty()) {
      return new Decided(new Unchanged(conferenceId), List.of());
    }
    return seatTypeSet(conferenceId, c.code(), c.quantity(), changed, context, work);
  }

  /** The conference's change of a seat type, and the seats' capacity following it. */
  private Decided seatTypeSet(
      String conferenceId,
      String code,
      int quantity,
      List<ConferenceEvent> conferenceEvents,
      CommandContext context,
      Work work) {
    List<SeatAvailabilityEvent> capacity =
        repositories.availability(work, conferenceId).decideCapacity(conferenceId, code, quantity);
    return Decided.of(
        new SeatTypeSet(conferenceId, code),
        metadata(context),
        work.changes(
            conferenceStream(conferenceId),
            conferenceEvents,
            availabilityStream(conferenceId),
            capacity));
  }

  /** Opens ({@code published}) or closes the conference for bookings. */
  Decided publish(String conferenceId, boolean published, CommandContext context, Work work) {
    Conference conference = repositories.conference(work, conferenceId);
    List<ConferenceEvent> events =
        published ? conference.decidePublish() : conference.decideUnpublish();
    return Decided.of(
        new PublicationSet(conferenceId, published),
        metadata(context),
        work.changes(conferenceStream(conferenceId), events));
  }
}

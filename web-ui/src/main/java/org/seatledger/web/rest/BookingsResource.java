package org.seatledger.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.validation.executable.ExecutableType;
import jakarta.validation.executable.ValidateOnExecution;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.seatledger.booking.api.BookingCommand;
import org.seatledger.booking.api.BookingQueries;
import org.seatledger.booking.api.BookingQueries.BookingView;
import org.seatledger.booking.api.Limits;
import org.seatledger.reporting.api.ReportingQueries;
import org.seatledger.reporting.api.ReportingQueries.BookingFilter;
import org.seatledger.reporting.api.ReportingQueries.BookingRow;
import org.seatledger.reporting.api.ReportingQueries.Page;
import org.seatledger.web.security.Roles;

/** One booking: read it, confirm its payment, cancel it, name its attendees. */
@ApplicationScoped
@ValidateOnExecution(type = ExecutableType.NONE) // bodies checked once, by RequestBodies
@Tag(name = "Bookings")
@Path("bookings")
@Produces(MediaType.APPLICATION_JSON)
public class BookingsResource {

  /** Body of a payment. Currency defaults to the booking's. */
  public record Payment(
      @NotBlank @Size(max = Limits.PAYMENT_REFERENCE) String paymentReference,
      @NotNull
          @PositiveOrZero
          @DecimalMax(Limits.MAX_TOTAL_TEXT)
          @Digits(integer = Limits.TOTAL_DIGITS, fraction = 2)
          BigDecimal amount,
      @Size(min = 3, max = 3, message = ConferencesResource.CURRENCY) String currency) {}

  /** Body of a cancellation. */
  public record Cancellation(@NotBlank @Size(max = Limits.REASON) String reason) {}

  /** One attendee. */
  public record AttendeeBody(
      @NotBlank @Size(max = Limits.CODE) String seatType,
      @NotBlank @Size(max = Limits.NAME) String name,
      @NotBlank @Size(max = Limits.EMAIL) @Email(message = ConferencesResource.EMAIL)
          String email) {}

  /** Body of an attendee assignment. */
  public record Attendees(@NotEmpty List<@NotNull @Valid AttendeeBody> attendees) {}

  @Inject Commands commands;
  @Inject BookingQueries queries;
  @Inject ReportingQueries reporting;
  @Inject ReadModels readModels;
  @Inject RequestBodies bodies;

  private static final Set<String> STATUSES = Set.of("HELD", "CONFIRMED", "CANCELLED", "EXPIRED");

  @GET
  @RolesAllowed({Roles.STAFF, Roles.AUDITOR, Roles.ADMIN})
  @Operation(
      operationId = "listBookings",
      summary = "Bookings: filter by conference, status and text; sort; page",
      description =
          "sort is one of placedAt, total, status, registrant, seats, holdUntil; order asc or desc; page from 1; size up to 200")
  public Page<BookingRow> bookings(
      @Parameter(description = "Only bookings of this conference") @QueryParam("conferenceId")
          String conferenceId,
      @Parameter(
              description = "Only bookings in this status",
              schema = @Schema(enumeration = {"HELD", "CONFIRMED", "CANCELLED", "EXPIRED"}))
          @QueryParam("status")
          String status,
      @Parameter(description = "Text in the registrant's name or e-mail or the booking id")
          @QueryParam("q")
          String text,
      @Parameter(
              description = "The order of the list",
              schema =
                  @Schema(
                      enumeration = {
                        "placedAt",
                        "total",
                        "status",
                        "registrant",
                        "seats",
                        "holdUntil"
                      }))
          @QueryParam("sort")
          @DefaultValue("placedAt")
          String sort,
      @Parameter(
              description = "Ascending or descending",
              schema = @Schema(enumeration = {"asc", "desc"}))
          @QueryParam("order")
          @DefaultValue("desc")
          String order,
      @Parameter(
              description =
                  "Page number, from 1; total in the answer says how many bookings match, and a page past the last is empty",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      format = "int64",
                      minimum = "1",
                      defaultValue = "1"))
          @QueryParam("page")
          String page,
      @Parameter(
              description = "Items per page",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      format = "int32",
                      minimum = "1",
                      maximum = "200",
                      defaultValue = "50"))
          @QueryParam("size")
          String size,
      @Parameter(
              description =
                  "Read your own write: wait (briefly) until the read model has applied this log position, the position a command answered",
              schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0"))
          @QueryParam("atLeast")
          String atLeast) {
    if (status != null && !STATUSES.contains(status)) {
      throw new ApiException(
          Status.BAD_REQUEST, "status is one of HELD, CONFIRMED, CANCELLED, EXPIRED.");
    }
    if (!ReportingQueries.BOOKING_SORTS.containsKey(sort)) {
      throw new ApiException(
          Status.BAD_REQUEST,
          "sort is one of placedAt, total, status, registrant, seats, holdUntil.");
    }
    if (!order.equals("asc") && !order.equals("desc")) {
      throw new ApiException(Status.BAD_REQUEST, "order is asc or desc.");
    }
    // a page past the last is empty, however far past
    int pageNumber =
        (int) Math.min(Integer.MAX_VALUE, QueryNumbers.whole(page, "page", 1, Long.MAX_VALUE, 1L));
    int perPage = QueryNumbers.whole(size, "size", 1, 200, 50L).intValue();
    readModels.await(ReportingQueries.BOOKINGS, atLeast);
    return reporting.bookings(
        new BookingFilter(
            conferenceId, status, text, sort, order.equals("desc"), pageNumber, perPage));
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.STAFF, Roles.AUDITOR, Roles.ADMIN})
  @Operation(
      operationId = "getBooking",
      summary = "A booking: status, registrant, seats, total, hold deadline, attendees")
  public BookingView get(@PathParam("id") String id) {
    return booking(id);
  }

  @POST
  @Path("{id}/confirm")
  @RolesAllowed(Roles.STAFF)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "confirmBooking",
      summary = "Record the payment of a held booking: amount = the booking's total")
  @APIResponse(
      responseCode = "200",
      description = "The booking is confirmed (paid)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiSchemas.BookingStatusSet.class)))
  @APIResponse(
      responseCode = "409",
      description = "The booking is not held: it is confirmed, cancelled or expired already",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  public Response confirm(@PathParam("id") String id, @Valid @NotNull Payment body) {
    Payment payment = bodies.valid(body);
    String currency = payment.currency() == null ? booking(id).currency() : payment.currency();
    return commands.ok(
        commands.send(
            new BookingCommand.ConfirmBooking(
                id, payment.paymentReference(), payment.amount(), currency),
            null));
  }

  @POST
  @Path("{id}/cancel")
  @RolesAllowed(Roles.STAFF)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "cancelBooking",
      summary = "Cancel a booking with a reason; its seats are given back")
  @APIResponse(
      responseCode = "200",
      description = "The booking is cancelled; its seats are given back",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiSchemas.BookingStatusSet.class)))
  @APIResponse(
      responseCode = "409",
      description = "The booking has expired already",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  public Response cancel(@PathParam("id") String id, @Valid @NotNull Cancellation body) {
    // The reason is free text that may name a person: it goes into the event, encrypted under the
    // registrant's key, never into the clear-text reason column of the command's metadata.
    String reason = bodies.valid(body).reason();
    return commands.ok(commands.send(new BookingCommand.CancelBooking(id, reason), null));
  }

  @POST
  @Path("{id}/attendees")
  @RolesAllowed(Roles.STAFF)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "nameAttendees",
      summary = "Name the attendees of a confirmed booking, one per seat")
  @APIResponse(
      responseCode = "200",
      description = "The attendees are named",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiSchemas.AttendeesNamed.class)))
  @APIResponse(
      responseCode = "409",
      description = "The booking is not confirmed",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  public Response attendees(@PathParam("id") String id, @Valid @NotNull Attendees body) {
    List<AttendeeBody> given = bodies.valid(body).attendees();
    List<BookingCommand.AttendeeInput> attendees =
        given == null
            ? List.of()
            : given.stream()
                .map(a -> new BookingCommand.AttendeeInput(a.seatType(), a.name(), a.email()))
                .toList();
    return commands.ok(commands.send(new BookingCommand.AssignAttendees(id, attendees), null));
  }

  private BookingView booking(String id) {
    return queries
        .booking(id)
        .orElseThrow(() -> new ApiException(Status.NOT_FOUND, "There is no booking '" + id + "'."));
  }
}

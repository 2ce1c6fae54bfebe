package org.seatledger.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.validation.executable.ExecutableType;
import jakarta.validation.executable.ValidateOnExecution;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.seatledger.booking.api.BookingCommand;
import org.seatledger.booking.api.BookingQueries;
import org.seatledger.booking.api.BookingQueries.ConferencePage;
import org.seatledger.booking.api.BookingQueries.ConferenceView;
import org.seatledger.booking.api.CommandResult;
import org.seatledger.booking.api.Limits;
import org.seatledger.reporting.api.ReportingQueries;
import org.seatledger.reporting.api.ReportingQueries.AttendeeRow;
import org.seatledger.reporting.api.ReportingQueries.Availability;
import org.seatledger.reporting.api.ReportingQueries.DailyStats;
import org.seatledger.web.security.Roles;

/**
 * Conferences, their seat types and bookings. Commands accept an {@code Idempotency-Key}. The
 * bodies state the limits of {@link Limits}, checked once by {@link RequestBodies} (not by the
 * runtime, which would check them twice); the commands check them again.
 */
@ApplicationScoped
@ValidateOnExecution(type = ExecutableType.NONE)
@Tag(name = "Conferences")
@Path("conferences")
@Produces(MediaType.APPLICATION_JSON)
public class ConferencesResource {

  /** Conferences a page when the client asks for a page and names no size. */
  private static final int PER_PAGE = 50;

  /** The most conferences a page. */
  private static final int MOST_PER_PAGE = 200;

  private static final String TOTAL_COUNT = "X-Total-Count";

  /** Body of a new conference. */
  public record NewConference(
      @NotBlank @Size(max = Limits.NAME) String name,
      @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,58}[a-z0-9]", message = SLUG) String slug,
      @NotNull(message = DATE) LocalDate startsOn,
      @NotNull(message = DATE) LocalDate endsOn,
      @NotBlank @Size(max = Limits.NAME) String venue) {}

  /** Body of a new seat type. */
  public record NewSeatType(
      @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,29}", message = CODE) String code,
      @NotBlank @Size(max = Limits.SEAT_TYPE_NAME) String name,
      @NotNull @PositiveOrZero @Max(Limits.SEATS_PER_TYPE) Integer quantity,
      @NotNull
          @DecimalMin("0")
          @DecimalMax(Limits.MAX_PRICE_TEXT)
          @Digits(integer = Limits.PRICE_DIGITS, fraction = 2)
          BigDecimal price,
      @NotNull @Size(min = 3, max = 3, message = CURRENCY) String currency) {}

  /** Body of a quantity change. */
  public record Quantity(@NotNull @PositiveOrZero @Max(Limits.SEATS_PER_TYPE) Integer quantity) {}

  /** The registrant of a booking. */
  public record Registrant(
      @NotBlank @Size(max = Limits.NAME) String name,
      @NotBlank @Size(max = Limits.EMAIL) @Email(message = EMAIL) String email) {}

  /** Body of a new booking. */
  public record NewBooking(
      @NotNull @Valid Registrant registrant,
      @NotEmpty @Size(max = Limits.SEAT_TYPES, message = SEAT_TYPES)
          Map<@NotBlank String, @NotNull @Positive @Max(Limits.SEATS_PER_BOOKING) Integer> seats) {}

  static final String SLUG = "must be 3 to 60 lower-case letters, digits and dashes";
  static final String CODE = "must be 1 to 30 lower-case letters, digits, '-' or '_'";
  static final String DATE = "must be a date such as 2027-05-04";
  static final String CURRENCY = "must be an ISO 4217 code such as EUR";
  static final String EMAIL = "must be an e-mail address";
  static final String SEAT_TYPES = "has at most " + Limits.SEAT_TYPES + " seat types";

  @Inject Commands commands;
  @Inject BookingQueries queries;
  @Inject ReportingQueries reporting;
  @Inject ReadModels readModels;
  @Inject RequestBodies bodies;

  @POST
  @RolesAllowed(Roles.STAFF)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createConference",
      summary = "Create a conference (unpublished) with a unique slug")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the conference",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiSchemas.ConferenceCreated.class)))
  @APIResponse(
      responseCode = "409",
      description = "The slug is taken by another conference",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  public Response create(@Valid @NotNull NewConference body, @Context UriInfo uri) {
    NewConference c = bodies.valid(body);
    CommandResult result =
        commands.send(
            new BookingCommand.CreateConference(
                c.name(), c.slug(), c.startsOn(), c.endsOn(), c.venue()),
            null);
    return commands.created(uri.getAbsolutePathBuilder().path(result.id()).build(), result);
  }

  @GET
  @RolesAllowed({Roles.STAFF, Roles.AUDITOR, Roles.ADMIN})
  @Operation(
      operationId = "listConferences",
      summary = "Conferences, oldest first: a page of them, or all",
      description =
          "With page or size: that page (size 1 to 200, default 50), the first, previous, next and"
              + " last pages in the Link header. Without either: every conference, as before paging"
              + " came; prefer pages once there are hundreds. X-Total-Count says how many there are"
              + " in all.")
  @APIResponse(
      responseCode = "200",
      description = "Conferences, oldest first",
      headers = {
        @Header(
            name = "Link",
            description =
                "The other pages of a paged answer: <url>; rel=\"first\", \"prev\", \"next\", \"last\"",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = "X-Total-Count",
            description = "How many conferences there are in all",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = ConferenceView.class)))
  public Response list(
      @Parameter(
              description =
                  "Page number, from 1 (with size: default 1); a page past the last is empty",
              schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
          @QueryParam("page")
          String page,
      @Parameter(
              description = "Conferences per page (with page: default 50)",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      format = "int32",
                      minimum = "1",
                      maximum = "200"))
          @QueryParam("size")
          String size,
      @Context UriInfo uri) {
    Long asked = QueryNumbers.whole(page, "page", 1, Long.MAX_VALUE, null);
    Long perPage = QueryNumbers.whole(size, "size", 1, MOST_PER_PAGE, null);
    if (asked == null && perPage == null) {
      List<ConferenceView> all = queries.conferences();
      return Response.ok(all).header(TOTAL_COUNT, all.size()).build();
    }
    ConferencePage found =
        queries.conferences(
            asked == null ? 1 : asked, perPage == null ? PER_PAGE : perPage.intValue());
    Response.ResponseBuilder answer = Response.ok(found.items()).header(TOTAL_COUNT, found.total());
    long last = Math.max(1, (found.total() + found.size() - 1) / found.size());
    pageLink(answer, uri, 1, found.size(), "first");
    if (found.page() > 1) {
      pageLink(answer, uri, Math.min(found.page() - 1, last), found.size(), "prev");
    }
    if (found.page() < last) {
      pageLink(answer, uri, found.page() + 1, found.size(), "next");
    }
    pageLink(answer, uri, last, found.size(), "last");
    return answer.build();
  }

  private static void pageLink(
      Response.ResponseBuilder answer, UriInfo uri, long page, int size, String rel) {
    answer.link(
        uri.getAbsolutePathBuilder().queryParam("page", page).queryParam("size", size).build(),
        rel);
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.STAFF, Roles.AUDITOR, Roles.ADMIN})
  @Operation(operationId = "getConference", summary = "One conference with its seat types")
  public ConferenceView get(@PathParam("id") String id) {
    return queries.conference(id).orElseThrow(() -> noConference(id));
  }

  @POST
  @Path("{id}/seat-types")
  @RolesAllowed(Roles.STAFF)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "addSeatType",
      summary = "Offer a new seat type: code, name, quantity, price, currency")
  @APIResponse(
      responseCode = "201",
      description = "Offered; Location names the seat type",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiSchemas.SeatTypeSet.class)))
  @APIResponse(
      responseCode = "409",
      description =
          "The conference has this seat type already, or as many seat types as it may have",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  public Response addSeatType(
      @PathParam("id") String id, @Valid @NotNull NewSeatType body, @Context UriInfo uri) {
    NewSeatType s = bodies.valid(body);
    CommandResult result =
        commands.send(
            new BookingCommand.AddSeatType(
                id, s.code(), s.name(), number(s.quantity(), "quantity"), s.price(), s.currency()),
            null);
    return commands.created(uri.getAbsolutePathBuilder().path(s.code()).build(), result);
  }

  @PUT
  @Path("{id}/seat-types/{code}/quantity")
  @RolesAllowed(Roles.STAFF)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "changeSeatQuantity",
      summary = "Add or remove seats of a type; never below what is held and sold")
  @APIResponse(
      responseCode = "200",
      description = "The new quantity is in force",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiSchemas.SeatTypeSet.class)))
  @APIResponse(
      responseCode = "409",
      description =
          "More seats of the type are held or sold than the new quantity; the detail says how many",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  public Response changeQuantity(
      @PathParam("id") String id, @PathParam("code") String code, @Valid @NotNull Quantity body) {
    int quantity = number(bodies.valid(body).quantity(), "quantity");
    return commands.ok(
        commands.send(new BookingCommand.ChangeSeatQuantity(id, code, quantity), null));
  }

  @POST
  @Path("{id}/publish")
  @RolesAllowed(Roles.STAFF)
  @Operation(operationId = "publishConference", summary = "Open the conference for bookings")
  @APIResponse(
      responseCode = "200",
      description = "The conference takes bookings",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiSchemas.PublicationSet.class)))
  @APIResponse(
      responseCode = "409",
      description = "The conference has no seat type yet",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  public Response publish(@PathParam("id") String id) {
    return commands.ok(commands.send(new BookingCommand.PublishConference(id), null));
  }

  @POST
  @Path("{id}/unpublish")
  @RolesAllowed(Roles.STAFF)
  @Operation(operationId = "unpublishConference", summary = "Stop taking bookings")
  @APIResponse(
      responseCode = "200",
      description = "The conference takes no more bookings; existing ones stay",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiSchemas.PublicationSet.class)))
  public Response unpublish(@PathParam("id") String id) {
    return commands.ok(commands.send(new BookingCommand.UnpublishConference(id), null));
  }

  @POST
  @Path("{id}/bookings")
  @RolesAllowed(Roles.STAFF)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "placeBooking",
      summary = "Book seats for a registrant",
      description =
          "Holds the seats until the hold deadline; 409 names what is left when there are not enough.")
  @APIResponse(
      responseCode = "201",
      description = "The seats are held until holdUntil; Location names the booking",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiSchemas.BookingHeld.class)))
  @APIResponse(
      responseCode = "409",
      description =
          "Not enough seats left (the detail names what is left), the conference is not published, or it changed under many concurrent bookings; try again",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  public Response book(
      @PathParam("id") String id, @Valid @NotNull NewBooking body, @Context UriInfo uri) {
    NewBooking b = bodies.valid(body);
    Registrant registrant = b.registrant() == null ? new Registrant(null, null) : b.registrant();
    CommandResult result =
        commands.send(
            new BookingCommand.PlaceBooking(id, registrant.name(), registrant.email(), b.seats()),
            null);
    return commands.created(
        uri.getBaseUriBuilder().path("bookings").path(result.id()).build(), result);
  }

  @GET
  @RolesAllowed({Roles.STAFF, Roles.AUDITOR, Roles.ADMIN})
  @Path("{id}/availability")
  @Operation(
      operationId = "getAvailability",
      summary = "Capacity, held, sold and available seats per seat type (read model)")
  public Availability availability(
      @PathParam("id") String id,
      @Parameter(
              description =
                  "Read your own write: wait (briefly) until the read model has applied this log position, the position a command answered",
              schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0"))
          @QueryParam("atLeast")
          String atLeast) {
    readModels.await(ReportingQueries.AVAILABILITY, atLeast);
    return reporting
        .availability(id)
        .orElseThrow(
            () -> new ApiException(Status.NOT_FOUND, "There is no conference '" + id + "'."));
  }

  @GET
  @RolesAllowed({Roles.STAFF, Roles.AUDITOR, Roles.ADMIN})
  @Path("{id}/attendees")
  @Operation(operationId = "listAttendees", summary = "Everyone named on a seat of the conference")
  public List<AttendeeRow> attendees(
      @PathParam("id") String id,
      @Parameter(
              description =
                  "Read your own write: wait (briefly) until the read model has applied this log position, the position a command answered",
              schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0"))
          @QueryParam("atLeast")
          String atLeast) {
    readModels.await(ReportingQueries.BOOKINGS, atLeast);
    return reporting.attendees(id);
  }

  @GET
  @Path("{id}/stats")
  @RolesAllowed({Roles.STAFF, Roles.ADMIN})
  @Operation(
      operationId = "getDailyStats",
      summary = "Per day: bookings, confirmations, cancellations, expirations, revenue")
  public List<DailyStats> stats(
      @PathParam("id") String id,
      @Parameter(
              description =
                  "Read your own write: wait (briefly) until the read model has applied this log position, the position a command answered",
              schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0"))
          @QueryParam("atLeast")
          String atLeast) {
    readModels.await(ReportingQueries.STATS, atLeast);
    return reporting.stats(id);
  }

  static int number(Integer value, String name) {
    if (value == null) {
      throw new ApiException(Status.BAD_REQUEST, "The " + name + " is required.");
    }
    return value;
  }

  private static ApiException noConference(String id) {
    return new ApiException(Status.NOT_FOUND, "There is no conference '" + id + "'.");
  }
}

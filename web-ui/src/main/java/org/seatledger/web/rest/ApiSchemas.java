package org.seatledger.web.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shapes of the answers the resources build as JSON by hand ({@link CommandJson}, the admin
 * answers), named for {@code /openapi}. Nothing is serialized from these records: they describe
 * what the resources write. The generated client's integration tests read every field of the
 * answers they use, so a field renamed on one side only breaks the build.
 */
final class ApiSchemas {
  private ApiSchemas() {}

  /** The answers of commands ({@link CommandJson}): each operation answering one takes a key. */
  static final Set<String> COMMAND_ANSWERS =
      Set.of(
          "ConferenceCreated",
          "SeatTypeSet",
          "PublicationSet",
          "BookingHeld",
          "BookingStatusSet",
          "AttendeesNamed");

  static final String POSITION =
      "The global log position of the command's last event; wait for a read model with ?atLeast="
          + " this to read your own write. 0 when nothing changed.";

  @Schema(name = "ConferenceCreated", description = "A new, unpublished conference")
  record ConferenceCreated(
      @Schema(required = true, description = "The conference's id") String id,
      @Schema(required = true) String slug,
      @Schema(required = true, description = POSITION) long position) {}

  @Schema(name = "SeatTypeSet", description = "A seat type offered or its quantity changed")
  record SeatTypeSet(
      @Schema(description = "The seat type's code") String code,
      @Schema(required = true, description = "The conference's id") String id,
      @Schema(required = true, description = POSITION) long position) {}

  @Schema(
      name = "PublicationSet",
      description = "Whether the conference takes bookings now (absent when it already did)")
  record PublicationSet(
      Boolean published,
      @Schema(required = true, description = "The conference's id") String id,
      @Schema(required = true, description = POSITION) long position) {}

  @Schema(name = "BookingHeld", description = "Seats held for a registrant until holdUntil")
  record BookingHeld(
      @Schema(required = true, description = "The booking's id") String id,
      @Schema(required = true, enumeration = "HELD") String status,
      @Schema(
              required = true,
              description = "Unless confirmed by then, the booking expires and its seats return")
          Instant holdUntil,
      @Schema(required = true, description = "Sum of price × seats") BigDecimal total,
      @Schema(required = true) String currency,
      @Schema(
              required = true,
              description =
                  "The registrant as a data subject: POST /api/subjects/{it}/erase erases them")
          String registrantId,
      @Schema(required = true, description = POSITION) long position) {}

  @Schema(name = "BookingStatusSet", description = "A booking's new status")
  record BookingStatusSet(
      @Schema(enumeration = {"HELD", "CONFIRMED", "CANCELLED", "EXPIRED"}) String status,
      @Schema(required = true, description = "The booking's id") String id,
      @Schema(required = true, description = POSITION) long position) {}

  @Schema(name = "AttendeesNamed", description = "The attendees of a booking were named")
  record AttendeesNamed(
      @Schema(description = "How many attendees are named") Integer attendees,
      @Schema(required = true, description = "The booking's id") String id,
      @Schema(required = true, description = POSITION) long position) {}

  @Schema(name = "RebuildProgress", description = "A rebuild under way")
  record RebuildProgress(
      @Schema(required = true) long done,
      @Schema(required = true) long total,
      @Schema(required = true) double eventsPerSecond,
      @Schema(required = true) long etaSeconds) {}

  @Schema(name = "ProjectionState", description = "A read model and how far it has applied the log")
  record ProjectionState(
      @Schema(required = true) String name,
      @Schema(required = true, description = "The last position it applied") long checkpoint,
      @Schema(required = true, description = "The log's head position") long head,
      @Schema(required = true) long lagEvents,
      @Schema(required = true) long lagMillis,
      @Schema(
              required = true,
              description =
                  "RUNNING, PAUSED, STOPPED (error and errorPosition say why) or REBUILDING;"
                      + " clients must accept values added later")
          String status,
      @Schema(description = "Why it stopped") String error,
      @Schema(description = "The position it stopped at") Long errorPosition,
      RebuildProgress rebuild) {}

  @Schema(name = "MasterKeyStatus", description = "Key ids only, never key material")
  record MasterKeyStatus(
      @Schema(required = true) String activeKeyId,
      @Schema(required = true) String serverKeyId,
      String previousKeyId,
      @Schema(required = true, description = "Whether this server holds the active key")
          boolean matches,
      @Schema(required = true, description = "How many data keys each master key wraps")
          Map<String, Long> dataKeysByMasterKey) {}

  @Schema(name = "MasterKeyRotation", description = "What a rotation did")
  record MasterKeyRotation(
      String fromKeyId,
      @Schema(required = true) String activeKeyId,
      @Schema(required = true) boolean activated,
      @Schema(required = true) long rewrapped,
      @Schema(required = true) long leftUnderOtherKeys,
      @Schema(required = true) String summary) {}

  @Schema(name = "StoredEvent", description = "An event as the log stores it")
  record StoredEvent(
      @Schema(required = true) long globalPosition,
      @Schema(required = true) String streamId,
      @Schema(required = true) String streamType,
      @Schema(required = true) long streamVersion,
      @Schema(required = true) String eventId,
      @Schema(required = true, description = "The stored type name") String type,
      @Schema(required = true) int schemaVersion,
      @Schema(required = true) Instant recordedAt,
      @Schema(required = true) String recordedBy,
      @Schema(required = true) String commandId,
      @Schema(required = true) String correlationId,
      @Schema(required = true) String causationId,
      @Schema(nullable = true) String reason,
      @Schema(required = true) String previousHash,
      @Schema(required = true) String hash,
      @Schema(
              required = true,
              type = SchemaType.OBJECT,
              description =
                  "The event's data in its current shape; erased personal data reads [erased]")
          Object data) {}

  @Schema(name = "SubjectErasure", description = "What erasing a data subject did")
  record SubjectErasure(
      @Schema(required = true) String subjectId,
      @Schema(required = true) boolean erased,
      @Schema(required = true, description = "The erasure's log position") long position,
      @Schema(required = true, description = "How many events name the subject") long events,
      @Schema(
              required = true,
              description = "Each read model: cleaned (it applied the erasure) or pending")
          Map<String, String> readModels,
      @Schema(required = true, description = "Whether every read model is cleaned")
          boolean complete) {}

  @Schema(name = "LogVerification", description = "What recomputing the hash chain found")
  record LogVerification(
      @Schema(required = true) boolean ok,
      @Schema(required = true) long checkedEvents,
      @Schema(nullable = true, description = "The first position whose stored data does not match")
          Long firstBadPosition,
      @Schema(nullable = true, description = "The stream verified; null for the whole log")
          String streamId,
      @Schema(required = true) String detail) {}

  @Schema(name = "DigestCheck", description = "What checking a kept digest against the log found")
  record DigestCheck(
      @Schema(required = true, description = "Whether the log up to the position is unchanged")
          boolean ok,
      @Schema(required = true, description = "The kept digest's position") long position,
      @Schema(required = true) long checkedEvents,
      @Schema(nullable = true, description = "Where the first difference may start")
          Long differsFrom,
      @Schema(nullable = true, description = "Where the first difference may end") Long differsTo,
      @Schema(required = true, description = "Whether differsFrom is the exact position")
          boolean exact,
      @Schema(required = true) String detail) {}
}

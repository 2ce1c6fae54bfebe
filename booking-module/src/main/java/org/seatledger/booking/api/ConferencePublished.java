package org.seatledger.booking.api;

/** The conference is open for bookings. */
@EventType(name = "ConferencePublished")
public record ConferencePublished(String conferenceId) implements ConferenceEvent {}

package org.seatledger.booking.api;

import org.seatledger.eventlog.api.EventType;

/** The conference is open for bookings. */
@EventType(name = "ConferencePublished")
public record ConferencePublished(String conferenceId) implements ConferenceEvent {}

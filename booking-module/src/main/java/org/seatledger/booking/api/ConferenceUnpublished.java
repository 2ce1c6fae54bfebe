package org.seatledger.booking.api;

import org.seatledger.eventlog.api.EventType;

/** The conference takes no new bookings; existing ones stay as they are. */
@EventType(name = "ConferenceUnpublished")
public record ConferenceUnpublished(String conferenceId) implements ConferenceEvent {}

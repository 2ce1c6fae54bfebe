package org.seatledger.booking.api;

/**
 * An event of a conference's stream ({@code conference-<id>}, stream type {@code Conference}): what
 * the conference aggregate decides and evolves by. The slug a conference claims is a stream of its
 * own ({@link SlugClaimed}), not one of these.
 */
public sealed interface ConferenceEvent
    permits ConferenceCreated,
        SeatTypeAdded,
        SeatQuantityChanged,
        ConferencePublished,
        ConferenceUnpublished {}

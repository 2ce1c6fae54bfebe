/**
 * The booking pages: booking seats for a registrant ({@code /conferences/{id}/book}), one booking
 * with its countdown, confirmation, cancellation, attendees and short history ({@code
 * /bookings/{id}}), the bookings list ({@code /bookings}) and the holds console ({@code /holds}).
 * Forms for staff only; auditors and admins read.
 */
package org.seatledger.web.pages.bookings;

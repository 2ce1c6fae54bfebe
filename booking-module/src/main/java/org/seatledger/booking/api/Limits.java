package org.seatledger.booking.api;

import java.math.BigDecimal;

/**
 * The largest input the booking module accepts: one source for the domain's checks and the API's
 * Bean Validation annotations. Each limit keeps every row the read models derive from an accepted
 * command within its column (reporting's {@code db/reporting}, audit's {@code db/audit}), so a
 * projection never meets a value it cannot store:
 *
 * <ul>
 *   <li>a booking's total ≤ {@link #MAX_PRICE} × {@link #SEATS_PER_BOOKING} = 999,999,999,000.00,
 *       within {@link #MAX_TOTAL}, which fits {@code DECIMAL(14,2)} ({@code
 *       reporting_bookings.total}, {@code reporting_stat_bookings.total});
 *   <li>a booking's seats text ({@code code=n, …}) ≤ {@link #SEAT_TYPES} × (30 + 1 + 6) + 2 × 19 =
 *       778 characters, within {@code reporting_bookings.seats VARCHAR(2000)};
 *   <li>a seat type's capacity, held and sold ≤ {@link #SEATS_PER_TYPE}; a booking's seat count ≤
 *       {@link #SEATS_PER_BOOKING}: all {@code INT};
 *   <li>a day's revenue of one conference is at most what its sold seats are worth at the end of
 *       the day (confirmed that day) and at least minus what they were worth at its start
 *       (cancelled that day): |revenue| ≤ {@link #SEAT_TYPES} × {@link #SEATS_PER_TYPE} × {@link
 *       #MAX_PRICE} ≈ 2 × 10¹³, beyond {@code DECIMAL(14,2)}; reporting's V3 widens the column to
 *       {@code DECIMAL(20,2)}.
 * </ul>
 *
 * Texts are counted in UTF-16 units after trimming, never fewer than the characters a {@code
 * VARCHAR} counts.
 */
public final class Limits {
  private Limits() {}

  /** Seat types of one conference; also the most seat types one booking can ask for. */
  public static final int SEAT_TYPES = 20;

  /** Seats of one type (its capacity). */
  public static final int SEATS_PER_TYPE = 100_000;

  /** Seats of one booking, all types together. */
  public static final int SEATS_PER_BOOKING = 100_000;

  /** The price of one seat, as text for {@code @DecimalMax}. */
  public static final String MAX_PRICE_TEXT = "9999999.99";

  /** Digits before the decimal point of a price, for {@code @Digits}. */
  public static final int PRICE_DIGITS = 7;

  /**
   * The total of one booking (and so the amount of one payment), as text for {@code @DecimalMax}.
   */
  public static final String MAX_TOTAL_TEXT = "999999999999.99";

  /** Digits before the decimal point of a booking's total, for {@code @Digits}. */
  public static final int TOTAL_DIGITS = 12;

  public static final BigDecimal MAX_PRICE = new BigDecimal(MAX_PRICE_TEXT);
  public static final BigDecimal MAX_TOTAL = new BigDecimal(MAX_TOTAL_TEXT);

  /** A conference's name and venue, a registrant's or an attendee's name. */
  public static final int NAME = 200;

  /** A seat type's name. */
  public static final int SEAT_TYPE_NAME = 100;

  /** A seat type's code. */
  public static final int CODE = 30;

  /** An e-mail address. */
  public static final int EMAIL = 254;

  /** A payment reference. */
  public static final int PAYMENT_REFERENCE = 100;

  /** The reason of a cancellation (stored as the command's reason, too). */
  public static final int REASON = 500;
}

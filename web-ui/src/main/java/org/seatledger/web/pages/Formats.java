package org.seatledger.web.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/**
 * How pages write money, dates and times, the same way on every page ({@code #{formats.money(total,
 * currency)}}).
 *
 * <ul>
 *   <li>Money always with its currency: {@code 1,250.00 EUR}.
 *   <li>Conference dates are calendar days, with no time zone: {@code 4 May 2027}.
 *   <li>Moments (hold deadlines, when something happened) in UTC with the zone named, inside a
 *       {@code <time datetime>} element whose ISO value {@code js/local-time.js} rewrites into the
 *       browser's own zone, named too. Without scripts the UTC text stays.
 * </ul>
 */
@Named
@ApplicationScoped
public class Formats {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter MOMENT =
      DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm:ss 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  /** {@code 1,250.00 EUR}: grouped, with the currency's own number of decimals and its code. */
  public String money(BigDecimal amount, String currency) {
    if (amount == null) {
      return "";
    }
    int decimals = 2;
    try {
      decimals = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    } catch (IllegalArgumentException | NullPointerException unknown) {
      // keep two decimals
    }
    NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
    format.setMinimumFractionDigits(decimals);
    format.setMaximumFractionDigits(Math.max(decimals, amount.stripTrailingZeros().scale()));
    format.setRoundingMode(RoundingMode.HALF_EVEN);
    return format.format(amount) + (currency == null ? "" : " " + currency);
  }

  /** {@code 1,250}: a count with grouping. */
  public String count(long value) {
    return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(value);
  }

  /** {@code 4 May 2027}. */
  public String day(LocalDate day) {
    return day == null ? "" : DAY.format(day);
  }

  /** {@code 4 May 2027 – 6 May 2027}, or one day when both are the same. */
  public String days(LocalDate from, LocalDate to) {
    if (from == null || to == null || from.equals(to)) {
      return day(from == null ? to : from);
    }
    return day(from) + " – " + day(to);
  }

  /** {@code 4 May 2027, 09:15:00 UTC}: the text of a {@code <time>} element. */
  public String moment(Instant instant) {
    return instant == null ? "" : MOMENT.format(instant);
  }

  /** The machine-readable value of a {@code <time datetime>} element: ISO-8601 in UTC. */
  public String iso(Instant instant) {
    return instant == null ? "" : instant.toString();
  }
}

package org.seatledger.booking.api.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/** Parameterised JDBC for read models, and the log's time unit (UTC microseconds). */
public final class Sql {
  private Sql() {}

  /** Runs one parameterised statement; the number of rows it changed. */
  public static int update(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, Arrays.asList(parameters))) {
      return statement.executeUpdate();
    }
  }

  /** A statement with its parameters set (nulls allowed); the caller closes it. */
  public static PreparedStatement prepare(Connection connection, String sql, List<?> parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < parameters.size(); i++) {
      statement.setObject(i + 1, parameters.get(i));
    }
    return statement;
  }

  public static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  public static Instant instant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }
}

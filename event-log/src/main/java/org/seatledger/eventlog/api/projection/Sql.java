package org.seatledger.eventlog.api.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Parameterised JDBC for read models, and the log's time unit (UTC microseconds).
 *
 * <p>Published with {@link Projection} because the contract is JDBC: the engine hands a projection
 * a {@link java.sql.Connection} inside its transaction, and read models store times as the log
 * does, in microseconds. Both read-model modules write and search their rows the same way
 * (statements with parameters, JDBC batches, WHERE clauses from optional criteria, pages), so one
 * stateless helper of plain static methods serves them; two copies would drift, and plain JDBC at
 * every call would bury each query under its parameter plumbing. It holds no engine: no connection,
 * no transaction, no state.
 */
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

  /** Sets one row's parameters on a statement (see {@link #batch}). */
  @FunctionalInterface
  public interface Binder<T> {
    void bind(PreparedStatement statement, T row) throws SQLException;
  }

  /**
   * Runs {@code sql} once per row as one JDBC batch — one multi-row statement where the driver can
   * rewrite it; nothing at all when there are no rows.
   */
  public static <T> void batch(
      Connection connection, String sql, Collection<T> rows, Binder<? super T> binder)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (T row : rows) {
        binder.bind(statement, row);
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  /** Starts a WHERE clause; add conditions with {@link Where#and}. */
  public static Where where(String condition, Object value) {
    return new Where().and(condition, value);
  }

  /**
   * A WHERE clause from optional search criteria: a condition whose value is null is left out, so a
   * query names only what the user asked for.
   */
  public static final class Where {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    private Where() {}

    /** Adds {@code condition} (with one {@code ?} per value) unless the first value is null. */
    public Where and(String condition, Object... values) {
      if (values.length > 0 && values[0] != null) {
        sql.append(sql.length() == 0 ? " WHERE " : " AND ").append(condition);
        parameters.addAll(Arrays.asList(values));
      }
      return this;
    }

    public String sql() {
      return sql.toString();
    }

    public List<Object> parameters() {
      return parameters;
    }

    /** How many rows of {@code table} match. */
    public long count(Connection connection, String table) throws SQLException {
      try (PreparedStatement count =
              prepare(connection, "SELECT COUNT(*) FROM " + table + sql, parameters);
          ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }

    /** The parameters followed by LIMIT and OFFSET of page {@code page} (from 1). */
    public List<Object> paged(int page, int size) {
      List<Object> paged = new ArrayList<>(parameters);
      paged.add(size);
      paged.add((long) (page - 1) * size);
      return paged;
    }
  }

  public static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  public static Instant instant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }
}

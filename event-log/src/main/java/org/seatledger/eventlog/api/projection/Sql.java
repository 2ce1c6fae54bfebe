package org.seatledger.eventlog.api.projection;

import static java.util.stream.Collectors.joining;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Parameterised JDBC for read models, and the log's time unit (UTC microseconds).
 *
 * <p>Published with {@link Projection} because the contract is JDBC: the engine hands a projection
 * a {@link java.sql.Connection} inside its transaction, and read models store times as the log
 * does, in microseconds. Both read-model modules write and search their rows the same way
 * (statements with parameters, multi-row inserts, JDBC batches, WHERE clauses from optional
 * criteria, pages), so one stateless helper of plain static methods serves them; two copies would
 * drift, and plain JDBC at every call would bury each query under its parameter plumbing. It holds
 * no engine: no connection, no transaction, no state.
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
   * Runs {@code sql} once per row as one JDBC batch; nothing at all when there are no rows. MySQL
   * Connector/J sends such a batch one statement, and one round trip, per row (with {@code
   * rewriteBatchedStatements=true} and more than three rows, as one text of several statements
   * between two round trips that switch them on and off): inserts go faster as one multi-row
   * statement, {@link #insert}, and updates of several rows as one statement, {@link #updateEach}.
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

  /**
   * What {@link #updateEach} changes: rows of {@code table} that meet {@code scope}, each picked by
   * its {@code keys} and its own {@code guard}, each column of {@code sets} given the row's own
   * value.
   *
   * @param table the table
   * @param scope a condition every row meets, with its parameters given to {@link #updateEach}
   *     (such as {@code generation = ?})
   * @param keys the columns that pick one row (such as {@code conference_id, code})
   * @param guard a condition of each row, with one {@code ?} per value of {@link Each#guard} (such
   *     as {@code last_position < ?}); rows that fail it are left as they are
   * @param sets one assignment per column, its value with exactly one {@code ?}, the row's value of
   *     {@link Each#set} in that place (such as {@code held = held + ?} or {@code capacity =
   *     COALESCE(?, capacity)})
   */
  public record Updates(
      String table, String scope, List<String> keys, String guard, List<String> sets) {
    public Updates {
      keys = List.copyOf(keys);
      sets = List.copyOf(sets);
      for (String set : sets) {
        if (set.indexOf('=') < 0 || set.chars().filter(c -> c == '?').count() != 1) {
          throw new IllegalArgumentException(
              "an assignment with one parameter, as held = held + ?: " + set);
        }
      }
    }
  }

  /**
   * One row's values for {@link #updateEach}: its key, its guard's values, and one value for each
   * assignment, in the order the {@link Updates} names them (nulls allowed).
   */
  public record Each(List<?> key, List<?> guard, List<?> set) {}

  /** Rows one statement of {@link #updateEach} changes at most. */
  static final int MAX_ROWS_PER_UPDATE = 100;

  /**
   * Changes several rows of one table, each in its own way, with one statement (per {@value
   * #MAX_ROWS_PER_UPDATE} rows) and one round trip, on any driver and whatever the URL says, where
   * a JDBC batch of updates takes one round trip a row on MySQL, or three with more than three rows
   * and {@code rewriteBatchedStatements=true} ({@link #batch}): {@code UPDATE t SET c = CASE WHEN
   * <key of row 1> THEN <its value> … ELSE c END, … WHERE <scope> AND ((<key of row 1> AND <its
   * guard>) OR …)}. Every row is changed as its own {@code UPDATE … WHERE <key> AND <guard>} would
   * change it; on MySQL and MariaDB the keys, when they begin the primary key after the scope, are
   * looked up as ranges of it. Returns the number of rows changed; nothing at all when there are
   * none.
   */
  public static <T> int updateEach(
      Connection connection,
      Updates updates,
      List<?> scopeValues,
      Collection<T> rows,
      Function<? super T, Each> each)
      throws SQLException {
    List<Each> all = new ArrayList<>(rows.size());
    rows.forEach(row -> all.add(shaped(updates, each.apply(row))));
    int changed = 0;
    for (int from = 0; from < all.size(); from += MAX_ROWS_PER_UPDATE) {
      List<Each> chunk = all.subList(from, Math.min(all.size(), from + MAX_ROWS_PER_UPDATE));
      List<Object> parameters = new ArrayList<>();
      try (PreparedStatement statement =
          prepare(connection, updateText(updates, scopeValues, chunk, parameters), parameters)) {
        changed += statement.executeUpdate();
      }
    }
    return changed;
  }

  /** The text of one statement of {@link #updateEach}, its parameters added to {@code values}. */
  static String updateText(
      Updates updates, List<?> scopeValues, List<Each> rows, List<Object> values) {
    String key = updates.keys().stream().map(k -> k + " = ?").collect(joining(" AND "));
    StringBuilder sql = new StringBuilder("UPDATE ").append(updates.table()).append(" SET ");
    for (int s = 0; s < updates.sets().size(); s++) {
      String set = updates.sets().get(s);
      String column = set.substring(0, set.indexOf('=')).strip();
      String value = set.substring(set.indexOf('=') + 1).strip();
      sql.append(s == 0 ? "" : ", ").append(column).append(" = CASE");
      for (Each row : rows) {
        sql.append(" WHEN ").append(key).append(" THEN ").append(value);
        values.addAll(row.key());
        values.add(row.set().get(s));
      }
      sql.append(" ELSE ").append(column).append(" END");
    }
    sql.append(" WHERE ").append(updates.scope()).append(" AND (");
    values.addAll(scopeValues);
    for (int r = 0; r < rows.size(); r++) {
      Each row = rows.get(r);
      sql.append(r == 0 ? "(" : " OR (").append(key);
      values.addAll(row.key());
      if (updates.guard() != null) {
        sql.append(" AND ").append(updates.guard());
        values.addAll(row.guard());
      }
      sql.append(')');
    }
    return sql.append(')').toString();
  }

  /** {@code row}, once it has as many values as {@code updates} names places for. */
  private static Each shaped(Updates updates, Each row) {
    long guards =
        updates.guard() == null ? 0 : updates.guard().chars().filter(c -> c == '?').count();
    if (row.key().size() != updates.keys().size()
        || row.guard().size() != guards
        || row.set().size() != updates.sets().size()) {
      throw new IllegalArgumentException(
          "a row of "
              + updates.table()
              + " needs "
              + updates.keys().size()
              + " key values, "
              + guards
              + " for its guard and "
              + updates.sets().size()
              + " to set: "
              + row);
    }
    return row;
  }

  /**
   * Most rows in one multi-row insert ({@link #insert}): tens of kilobytes for narrow rows, well
   * inside MySQL's packet limit.
   */
  static final int MAX_ROWS_PER_INSERT = 500;

  /**
   * Most values in one multi-row insert: wider rows go fewer to a statement (15 columns: 133 rows),
   * so a statement stays tens of kilobytes and far below the 65,535 parameters a server-side
   * prepared statement may have.
   */
  static final int MAX_VALUES_PER_INSERT = 2_000;

  /** Rows of {@code columns} values each that one statement of {@link #insert} carries. */
  static int rowsPerInsert(int columns) {
    return Math.max(1, Math.min(MAX_ROWS_PER_INSERT, MAX_VALUES_PER_INSERT / columns));
  }

  /**
   * Sets one row's values for {@link #insert}, by column number within the row (1 to the number of
   * columns); the helper places them in the statement.
   */
  @FunctionalInterface
  public interface RowBinder<T> {
    void bind(Row values, T row) throws SQLException;
  }

  /**
   * Inserts {@code rows} with few statements: {@code insertInto} (such as {@code "INSERT IGNORE
   * INTO t (a, b, c)"}, which must name its columns: their number is read from it) followed by
   * {@code VALUES (?, ?, ?), (?, ?, ?) …}, at most 500 rows and 2,000 values to a statement;
   * nothing at all when there are no rows. Returns the number of rows inserted (an {@code INSERT
   * IGNORE} does not count those it skipped).
   *
   * <p>Why not {@link #batch}: MySQL Connector/J does send a batch of inserts as the same multi-row
   * statement ({@code rewriteBatchedStatements}), but handles every bound value three more times on
   * the way — to size the rewritten statement ({@code computeBatchSize}), to bind it again into it
   * ({@code setOneBatchedParameterSet}) and to encode it into the packet ({@code buildComQuery}). A
   * JFR profile of the bookings rebuild found 37 % of the server's samples in that batch. Here each
   * value is bound once, into the statement that is sent, on any driver and whatever the URL says.
   *
   * <p>A statement is all or nothing, as the rewritten batch was: on a duplicate key a plain {@code
   * INSERT} fails as a whole with the database's constraint violation (SQL state 23…), an {@code
   * INSERT IGNORE} skips the duplicate rows alone. The rows of earlier statements stay written
   * until the caller's transaction rolls back.
   */
  public static <T> int insert(
      Connection connection, String insertInto, Collection<T> rows, RowBinder<? super T> binder)
      throws SQLException {
    int columns = columnsOf(insertInto);
    if (rows.isEmpty()) {
      return 0;
    }
    int perStatement = rowsPerInsert(columns);
    int full = rows.size() / perStatement;
    int rest = rows.size() % perStatement;
    Iterator<T> each = rows.iterator();
    int inserted = 0;
    if (full > 0) {
      // one statement for every full chunk: the driver parses its text once
      try (PreparedStatement statement =
          connection.prepareStatement(valuesOf(insertInto, columns, perStatement))) {
        Row values = new Row(statement, columns);
        for (int chunk = 0; chunk < full; chunk++) {
          inserted += send(statement, values, each, perStatement, binder);
        }
      }
    }
    if (rest > 0) {
      try (PreparedStatement statement =
          connection.prepareStatement(valuesOf(insertInto, columns, rest))) {
        inserted += send(statement, new Row(statement, columns), each, rest, binder);
      }
    }
    return inserted;
  }

  /**
   * The text of one multi-row insert of {@code rows} rows, {@code insertInto} followed by {@code
   * VALUES (?, …), …}, for a text of several statements that one call sends (the event log's
   * one-trip append); {@link #bind} sets its values. Unlike {@link #insert}, the rows are not cut
   * into statements of 500: the caller bounds them.
   */
  public static String values(String insertInto, int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("a multi-row insert of " + rows + " rows");
    }
    return valuesOf(insertInto, columnsOf(insertInto), rows);
  }

  /**
   * Sets the values of {@code rows} in a statement holding {@link #values}{@code (insertInto,
   * rows.size())} from parameter {@code first} on, each row's columns in turn as {@link #insert}
   * does; returns the parameter after the last one set.
   */
  public static <T> int bind(
      PreparedStatement statement,
      int first,
      String insertInto,
      Collection<T> rows,
      RowBinder<? super T> binder)
      throws SQLException {
    Row values = new Row(statement, columnsOf(insertInto));
    fill(values, first - 1, rows.iterator(), rows.size(), binder);
    return first + rows.size() * values.columns;
  }

  /** The number of columns {@code insertInto} names in its last parentheses. */
  static int columnsOf(String insertInto) {
    int open = insertInto.lastIndexOf('(');
    int close = insertInto.lastIndexOf(')');
    if (open < 0 || close < open || insertInto.substring(open + 1, close).isBlank()) {
      throw new IllegalArgumentException(
          "an insert names its columns, as INSERT INTO t (a, b): " + insertInto);
    }
    return (int)
            insertInto.chars().skip(open + 1).limit(close - open - 1).filter(c -> c == ',').count()
        + 1;
  }

  private static <T> int send(
      PreparedStatement statement,
      Row values,
      Iterator<T> each,
      int count,
      RowBinder<? super T> binder)
      throws SQLException {
    fill(values, 0, each, count, binder);
    return statement.executeUpdate();
  }

  /** Binds {@code count} rows, the first at parameter {@code offset + 1}, each after the last. */
  private static <T> void fill(
      Row values, int offset, Iterator<T> each, int count, RowBinder<? super T> binder)
      throws SQLException {
    for (int i = 0; i < count; i++) {
      values.offset = offset + i * values.columns;
      binder.bind(values, each.next());
    }
  }

  private static String valuesOf(String insertInto, int columns, int rows) {
    String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
    StringBuilder sql =
        new StringBuilder(insertInto.length() + 8 + rows * (row.length() + 2))
            .append(insertInto)
            .append(" VALUES ")
            .append(row);
    for (int i = 1; i < rows; i++) {
      sql.append(", ").append(row);
    }
    return sql.toString();
  }

  /**
   * One row's values in a multi-row insert ({@link #insert}): column {@code n} of the row is
   * parameter {@code offset + n} of the statement.
   */
  public static final class Row {
    private final PreparedStatement statement;
    private final int columns;
    private int offset;

    private Row(PreparedStatement statement, int columns) {
      this.statement = statement;
      this.columns = columns;
    }

    /** A column beyond the row would set the next row's value: refused. */
    private int parameter(int column) {
      if (column < 1 || column > columns) {
        throw new IllegalArgumentException(
            "column " + column + " of a row of " + columns + " columns");
      }
      return offset + column;
    }

    public void setString(int column, String value) throws SQLException {
      statement.setString(parameter(column), value);
    }

    public void setInt(int column, int value) throws SQLException {
      statement.setInt(parameter(column), value);
    }

    public void setLong(int column, long value) throws SQLException {
      statement.setLong(parameter(column), value);
    }

    public void setBoolean(int column, boolean value) throws SQLException {
      statement.setBoolean(parameter(column), value);
    }

    public void setBigDecimal(int column, BigDecimal value) throws SQLException {
      statement.setBigDecimal(parameter(column), value);
    }

    public void setDate(int column, Date value) throws SQLException {
      statement.setDate(parameter(column), value);
    }

    /** Any value the driver maps, or SQL NULL for {@code null}. */
    public void setObject(int column, Object value) throws SQLException {
      statement.setObject(parameter(column), value);
    }

    /** SQL NULL of {@code sqlType} ({@link java.sql.Types}). */
    public void setNull(int column, int sqlType) throws SQLException {
      statement.setNull(parameter(column), sqlType);
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

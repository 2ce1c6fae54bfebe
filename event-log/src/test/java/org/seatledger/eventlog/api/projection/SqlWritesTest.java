package org.seatledger.eventlog.api.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The multi-row insert of the read models and the log writer, and the read models' update of
 * several rows in one statement, on an in-memory database in MySQL mode (as the embedded server
 * runs): rows written as they were given, in as few statements as the limits allow, nothing sent
 * for no rows, duplicates ignored or refused as the statement says, each updated row changed as its
 * own update would have changed it.
 */
class SqlWritesTest {

  private static final String INSERT =
      "INSERT INTO t (id, name, amount, held_on, flag, total, note)"; // seven columns

  private Connection database;

  /** The statements sent through {@link #connection()}: their SQL, one entry per execution. */
  private final List<String> sent = new ArrayList<>();

  private record Line(int id, String name, BigDecimal amount, LocalDate day, boolean flag) {}

  @BeforeEach
  void database() throws SQLException {
    database =
        DriverManager.getConnection(
            "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE", "sa", "");
    try (Statement ddl = database.createStatement()) {
      ddl.execute(
          "CREATE TABLE t (id INT NOT NULL PRIMARY KEY, name VARCHAR(50), amount DECIMAL(10, 2),"
              + " held_on DATE, flag BOOLEAN NOT NULL, total BIGINT NOT NULL, note VARCHAR(20))");
      ddl.execute(
          "CREATE TABLE seats (generation INT NOT NULL, conference VARCHAR(20) NOT NULL,"
              + " code VARCHAR(20) NOT NULL, capacity INT NOT NULL, held INT NOT NULL,"
              + " last_position BIGINT NOT NULL, PRIMARY KEY (generation, conference, code))");
    }
  }

  @AfterEach
  void close() throws SQLException {
    database.close();
  }

  private static final Sql.RowBinder<Line> BINDER =
      (values, line) -> {
        values.setInt(1, line.id());
        values.setString(2, line.name());
        values.setBigDecimal(3, line.amount());
        if (line.day() == null) {
          values.setNull(4, Types.DATE);
        } else {
          values.setDate(4, Date.valueOf(line.day()));
        }
        values.setBoolean(5, line.flag());
        values.setLong(6, line.id() * 1_000_000_000L);
        values.setObject(7, line.id() % 2 == 0 ? null : "odd " + line.id());
      };

  private static List<Line> lines(int from, int count) {
    List<Line> lines = new ArrayList<>();
    for (int id = from; id < from + count; id++) {
      boolean gaps = id % 5 == 0;
      lines.add(
          new Line(
              id,
              gaps ? null : "O'Brien \\ \"" + id + "\"",
              gaps ? null : new BigDecimal(id + ".25"),
              gaps ? null : LocalDate.parse("2027-03-01").plusDays(id % 30),
              id % 3 == 0));
    }
    return lines;
  }

  private List<List<Object>> rows() throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (PreparedStatement select =
            database.prepareStatement(
                "SELECT id, name, amount, held_on, flag, total, note FROM t ORDER BY id");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        Date day = rs.getDate(4);
        rows.add(
            Arrays.asList(
                rs.getInt(1),
                rs.getString(2),
                rs.getBigDecimal(3),
                day == null ? null : day.toLocalDate(),
                rs.getBoolean(5),
                rs.getLong(6),
                rs.getString(7)));
      }
    }
    return rows;
  }

  private static List<List<Object>> expected(List<Line> lines) {
    return lines.stream()
        .map(
            line ->
                Arrays.<Object>asList(
                    line.id(),
                    line.name(),
                    line.amount(),
                    line.day(),
                    line.flag(),
                    line.id() * 1_000_000_000L,
                    line.id() % 2 == 0 ? null : "odd " + line.id()))
        .toList();
  }

  @Test
  void rowsAcrossStatementsAreWrittenAsGivenWithTheirNulls() throws SQLException {
    int perStatement = Sql.rowsPerInsert(7);
    List<Line> lines = lines(1, 2 * perStatement + 3); // two full statements and three rows

    int inserted = Sql.insert(connection(), INSERT, lines, BINDER);

    assertEquals(lines.size(), inserted);
    assertEquals(expected(lines), rows());
    assertEquals(3, sent.size(), "one statement per " + perStatement + " rows: " + sent.size());
    assertEquals(perStatement, placeholders(sent.get(0)) / 7);
    assertEquals(perStatement, placeholders(sent.get(1)) / 7);
    assertEquals(3, placeholders(sent.get(2)) / 7);
  }

  @Test
  void exactlyOneStatementOfRowsIsOneStatement() throws SQLException {
    List<Line> lines = lines(1, Sql.rowsPerInsert(7));

    Sql.insert(connection(), INSERT, lines, BINDER);

    assertEquals(expected(lines), rows());
    assertEquals(1, sent.size());
  }

  @Test
  void noRowsSendNothing() throws SQLException {
    assertEquals(0, Sql.insert(connection(), INSERT, List.of(), BINDER));
    assertEquals(List.of(), sent, "no statement prepared or sent");
  }

  @Test
  void insertIgnoreSkipsTheDuplicatesAloneAndCountsTheRest() throws SQLException {
    List<Line> first = lines(1, 3);
    Sql.insert(database, INSERT, first, BINDER);
    List<Line> again = new ArrayList<>(lines(2, 4)); // 2 and 3 are stored, 4 and 5 are new
    again.add(new Line(5, "twice in one statement", null, null, false));

    int inserted =
        Sql.insert(database, INSERT.replace("INSERT INTO", "INSERT IGNORE INTO"), again, BINDER);

    assertEquals(2, inserted);
    assertEquals(expected(lines(1, 5)), rows(), "the stored rows and the first of each new one");
  }

  @Test
  void aDuplicateKeyRefusesItsWholeStatementAsAConstraintViolation() throws SQLException {
    Sql.insert(database, INSERT, lines(10, 1), BINDER);
    List<Line> clashing = lines(7, 5); // 7..11: 10 is stored

    SQLException refused =
        assertThrows(SQLException.class, () -> Sql.insert(database, INSERT, clashing, BINDER));

    assertTrue(refused.getSQLState().startsWith("23"), refused.getSQLState());
    assertEquals(expected(lines(10, 1)), rows(), "none of the statement's rows is written");
  }

  @Test
  void aColumnOutsideTheRowIsRefusedBeforeItLandsInTheNextRow() {
    Sql.RowBinder<Line> oneTooFar =
        (values, line) -> {
          BINDER.bind(values, line);
          values.setString(8, "the next row's id");
        };

    assertThrows(
        IllegalArgumentException.class, () -> Sql.insert(database, INSERT, lines(1, 2), oneTooFar));
  }

  @Test
  void theColumnsAreCountedFromTheInsertAndAnInsertWithoutThemIsRefused() {
    assertEquals(7, Sql.columnsOf(INSERT));
    assertEquals(1, Sql.columnsOf("INSERT IGNORE INTO t (id)"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Sql.insert(database, "INSERT INTO t", lines(1, 2), BINDER));
  }

  @Test
  void widerRowsGoFewerToAStatementAndNoStatementNearsTheParameterLimit() {
    assertEquals(500, Sql.rowsPerInsert(3), "narrow rows: 500 to a statement");
    assertEquals(133, Sql.rowsPerInsert(15));
    assertEquals(125, Sql.rowsPerInsert(16));
    assertEquals(1, Sql.rowsPerInsert(5_000), "a row wider than the limit goes alone");
    for (int columns = 1; columns <= 2_000; columns++) {
      int values = Sql.rowsPerInsert(columns) * columns;
      assertTrue(values <= 2_000, columns + " columns: " + values + " values");
    }
  }

  private static final Sql.Updates SEAT_CHANGES =
      new Sql.Updates(
          "seats",
          "generation = ?",
          List.of("conference", "code"),
          "last_position = ?",
          List.of("capacity = COALESCE(?, capacity)", "held = held + ?", "last_position = ?"));

  /** A change of one seat row: capacity to set (or null), seats held to add, the row it expects. */
  private record SeatChange(int row, Integer capacity, int held, long expectedLast) {
    Sql.Each each() {
      return new Sql.Each(
          List.of("c" + row / 2, row % 2 == 0 ? "standard" : "vip"),
          List.of(expectedLast),
          Arrays.asList(capacity, held, 1_000L + row));
    }
  }

  @Test
  void updateEachChangesEveryRowAsItsOwnGuardedUpdateWouldInOneStatementPerHundredRows()
      throws SQLException {
    for (int generation = 1; generation <= 2; generation++) {
      for (int row = 0; row < 250; row++) {
        Sql.update(
            database,
            "INSERT INTO seats VALUES (?, ?, ?, ?, ?, ?)",
            generation,
            "c" + row / 2,
            row % 2 == 0 ? "standard" : "vip",
            100,
            row,
            (long) row);
      }
    }
    List<SeatChange> changes = new ArrayList<>();
    for (int row = 0; row < 250; row++) {
      // every seventh row is not as the change expects it: left as it is
      changes.add(
          new SeatChange(row, row % 3 == 0 ? 50 + row : null, row + 1, row % 7 == 0 ? -1 : row));
    }

    int changed = Sql.updateEach(connection(), SEAT_CHANGES, List.of(1), changes, SeatChange::each);

    assertEquals(250 - 36, changed, "rows whose guard held");
    assertEquals(3, sent.size(), "100 + 100 + 50 rows");
    assertTrue(sent.get(0).startsWith("UPDATE seats SET capacity = CASE WHEN"), sent.get(0));
    try (Statement query = database.createStatement();
        ResultSet rows =
            query.executeQuery(
                "SELECT generation, conference, code, capacity, held, last_position FROM seats"
                    + " ORDER BY generation, CAST(SUBSTRING(conference, 2) AS INT), code")) {
      for (int generation = 1; generation <= 2; generation++) {
        for (int row = 0; row < 250; row++) {
          assertTrue(rows.next());
          boolean applies = generation == 1 && row % 7 != 0;
          String where = "generation " + generation + ", row " + row;
          assertEquals(row % 2 == 0 ? "standard" : "vip", rows.getString(3), where);
          assertEquals(applies && row % 3 == 0 ? 50 + row : 100, rows.getInt(4), where);
          assertEquals(applies ? row + row + 1 : row, rows.getInt(5), where);
          assertEquals(applies ? 1_000L + row : row, rows.getLong(6), where);
        }
      }
    }
  }

  @Test
  void updateEachOfNoRowsSendsNothingAndAMisshapenRowIsRefused() throws SQLException {
    assertEquals(0, Sql.updateEach(connection(), SEAT_CHANGES, List.of(1), List.of(), r -> null));
    assertEquals(List.of(), sent);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Sql.updateEach(
                database,
                SEAT_CHANGES,
                List.of(1),
                List.of(1),
                r -> new Sql.Each(List.of("c1"), List.of(1L), List.of(1, 2, 3))),
        "one key value of two");
    assertThrows(
        IllegalArgumentException.class,
        () -> new Sql.Updates("seats", "generation = ?", List.of("code"), null, List.of("held")),
        "an assignment without its parameter");
  }

  private static int placeholders(String sql) {
    return (int) sql.chars().filter(ch -> ch == '?').count();
  }

  /** The database's connection, recording the SQL of every statement it executes. */
  private Connection connection() {
    return proxy(
        Connection.class,
        (proxy, method, args) -> {
          Object result = call(database, method, args);
          if (method.getName().equals("prepareStatement")) {
            String sql = (String) args[0];
            PreparedStatement statement = (PreparedStatement) result;
            return proxy(
                PreparedStatement.class,
                (p, m, a) -> {
                  if (m.getName().startsWith("execute")) {
                    sent.add(sql);
                  }
                  return call(statement, m, a);
                });
          }
          return result;
        });
  }

  private static Object call(Object target, java.lang.reflect.Method method, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }
}

package org.seatledger.web.pages.admin;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The kept results of the contiguity check ({@code log_checks}, the web module's table): the newest
 * first, the same on every server and after a restart. Results older than {@link #KEEP} are dropped
 * as new ones come in.
 */
@ApplicationScoped
public class LogChecks {

  static final Duration KEEP = Duration.ofDays(30);

  /**
   * A kept check: what it found, where its walk started (positions up to {@code walkedFrom} were
   * found by an earlier check and only counted again), when, who asked, how long it took.
   */
  public record Check(
      Contiguity.Result result,
      long walkedFrom,
      Instant finishedAt,
      String requestedBy,
      long tookMillis) {}

  @Resource(lookup = "jdbc/seatledger")
  DataSource dataSource;

  void keep(Check check) {
    long micros = micros(check.finishedAt());
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO log_checks (id, finished_at, requested_by, contiguous, walked_from,"
                  + " checked_to, walked, first_problem, sentence, took_ms)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        Contiguity.Result result = check.result();
        insert.setString(1, UUID.randomUUID().toString());
        insert.setLong(2, micros);
        insert.setString(3, check.requestedBy());
        insert.setBoolean(4, result.contiguous());
        insert.setLong(5, check.walkedFrom());
        insert.setLong(6, result.upTo());
        insert.setLong(7, result.checked());
        if (result.firstProblem() == null) {
          insert.setNull(8, Types.BIGINT);
        } else {
          insert.setLong(8, result.firstProblem());
        }
        String sentence = result.sentence();
        insert.setString(9, sentence.length() > 500 ? sentence.substring(0, 500) : sentence);
        insert.setLong(10, check.tookMillis());
        insert.executeUpdate();
      }
      try (PreparedStatement prune =
          c.prepareStatement("DELETE FROM log_checks WHERE finished_at < ?")) {
        prune.setLong(1, micros - KEEP.toNanos() / 1000);
        prune.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not keep the log check: " + e.getMessage(), e);
    }
  }

  /** The newest {@code limit} checks, newest first. */
  public List<Check> newest(int limit) {
    List<Check> checks = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement query =
            c.prepareStatement(
                "SELECT finished_at, requested_by, contiguous, walked_from, checked_to, walked,"
                    + " first_problem, sentence, took_ms FROM log_checks"
                    + " ORDER BY finished_at DESC LIMIT ?")) {
      query.setInt(1, limit);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          long problem = rows.getLong(7);
          Long firstProblem = rows.wasNull() ? null : problem;
          checks.add(
              new Check(
                  new Contiguity.Result(
                      rows.getBoolean(3),
                      rows.getLong(6),
                      rows.getLong(5),
                      firstProblem,
                      rows.getString(8)),
                  rows.getLong(4),
                  instant(rows.getLong(1)),
                  rows.getString(2),
                  rows.getLong(9)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the log checks: " + e.getMessage(), e);
    }
    return checks;
  }

  private static long micros(Instant at) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, at);
  }

  private static Instant instant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }
}

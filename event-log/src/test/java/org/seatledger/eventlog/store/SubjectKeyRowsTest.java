package org.seatledger.eventlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The data keys a page of events needs, read in one query (H2 in MySQL mode, on the log's own
 * migrations): each subject's row as stored — its key and the master key that wrapped it, a
 * tombstone for an erased subject, no key id on rows older than key ids — and nothing for a subject
 * without a row.
 */
class SubjectKeyRowsTest {

  private Connection connection;

  @BeforeEach
  void database() throws SQLException {
    connection = MigratedLog.open();
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  private void store(String subject, String keyId, String wrapped) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO subject_keys (subject_id, key_id, wrapped_key, created_at)"
                + " VALUES (?, ?, ?, 1)")) {
      insert.setString(1, subject);
      insert.setString(2, keyId);
      insert.setString(3, wrapped);
      insert.executeUpdate();
    }
  }

  @Test
  void eachSubjectsRowIsReadAsStored() throws SQLException {
    store("alice", "0123456789abcdef", "wrapped-alice");
    store("bob", null, "wrapped-bob"); // older than key ids
    store("carol", null, SubjectKeyRows.ERASED);
    store("dave", "0123456789abcdef", "wrapped-dave"); // not asked for

    Map<String, SubjectKeyRows.Wrapped> found =
        SubjectKeyRows.wrappedKeys(connection, List.of("alice", "bob", "carol", "erin"));

    assertEquals(
        Map.of(
            "alice", new SubjectKeyRows.Wrapped("alice", "0123456789abcdef", "wrapped-alice"),
            "bob", new SubjectKeyRows.Wrapped("bob", null, "wrapped-bob"),
            "carol", new SubjectKeyRows.Wrapped("carol", null, SubjectKeyRows.ERASED)),
        found);
    assertEquals(true, found.get("carol").erased());
  }

  @Test
  void moreSubjectsThanOneQueryTakesAreAllRead() throws SQLException {
    Map<String, SubjectKeyRows.Wrapped> expected = new HashMap<>();
    List<String> asked = new ArrayList<>();
    for (int i = 0; i < 2_500; i++) {
      String subject = "subject-" + i;
      asked.add(subject);
      if (i % 3 != 0) {
        store(subject, "k" + (i % 2), "wrapped-" + i);
        expected.put(subject, new SubjectKeyRows.Wrapped(subject, "k" + (i % 2), "wrapped-" + i));
      }
    }

    assertEquals(expected, SubjectKeyRows.wrappedKeys(connection, asked));
  }
}

package org.seatledger.it.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.seatledger.it.store.Fixtures.append;
import static org.seatledger.it.store.Fixtures.command;
import static org.seatledger.it.store.Fixtures.newStream;
import static org.seatledger.it.store.Fixtures.reserved;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.seatledger.eventlog.api.EventStore;
import org.seatledger.eventlog.api.ExpectedVersion;
import org.seatledger.it.Http;

/**
 * A seat stream written without any snapshot — as streams were before snapshots were kept every
 * {@code seatledger.snapshot-keep-every} (1,000) versions — is replayed from its first event the
 * first time an auditor travels deep into it; that visit back-fills the snapshots, and the next
 * state there is folded from one of them and is the same state. Events are appended by a second
 * instance of the store (which takes no snapshots), the states asked of the running application.
 */
@ExtendWith(ArquillianExtension.class)
class TimeTravelBackFillIT {

  private static final int EVENTS = 2_100;
  private static final int PER_APPEND = 100;

  @Deployment
  static WebArchive deployment() {
    return StoreDeployment.of(
        "time-travel-back-fill-it", TimeTravelBackFillIT.class, Fixtures.class, Http.class);
  }

  @Inject EventStore store;

  @Resource(lookup = "jdbc/seatledger-migrations")
  DataSource owner;

  @Test
  void aDeepStateOfAnOldStreamBackFillsSnapshotsAndTheNextIsFoldedFromOne() throws Exception {
    String stream = newStream("seats-old");
    for (int version = 0; version < EVENTS; version += PER_APPEND) {
      Object[] events = new Object[PER_APPEND];
      for (int i = 0; i < PER_APPEND; i++) {
        events[i] = reserved(stream, 1);
      }
      store.append(
          command(),
          List.of(
              append(
                  stream,
                  version == 0 ? ExpectedVersion.NO_STREAM : ExpectedVersion.exactly(version),
                  events)),
          null);
    }
    assertEquals(List.of(), snapshotVersions(stream), "an old stream: no snapshot");

    JsonObject first = state(stream, 2_050);
    assertEquals(0, first.getInt("foldedFrom"), "the first deep visit replays from the start");
    assertEquals(2_050, first.getInt("streamVersion"));
    assertEquals(List.of(1_000L, 2_000L), snapshotVersions(stream), "back-filled on the way");

    JsonObject again = state(stream, 2_050);
    assertEquals(2_000, again.getInt("foldedFrom"), "the next visit folds from a snapshot");
    assertEquals(first.getJsonObject("state"), again.getJsonObject("state"), "the same state");
    assertEquals(1_000, state(stream, 1_500).getInt("foldedFrom"));
  }

  private static JsonObject state(String stream, int version) {
    HttpResponse<String> answer =
        Http.admin().get("/api/audit/streams/" + stream + "/state?version=" + version);
    assertEquals(200, answer.statusCode(), answer.body());
    return Http.object(answer);
  }

  private List<Long> snapshotVersions(String stream) throws SQLException {
    List<Long> versions = new ArrayList<>();
    try (Connection c = owner.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT stream_version FROM snapshots WHERE stream_id = ? ORDER BY stream_version")) {
      q.setString(1, stream);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          versions.add(rs.getLong(1));
        }
      }
    }
    return versions;
  }
}

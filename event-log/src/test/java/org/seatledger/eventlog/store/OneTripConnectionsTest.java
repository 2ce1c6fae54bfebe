package org.seatledger.eventlog.store;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.SQLSyntaxErrorException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A server whose configuration has no {@code jdbc/seatledger-appends}, or whose connections there
 * refuse a text of several statements, writes its appends the ordinary way: the committer is told
 * there is nothing to send one-trip groups to, and never fails for it.
 */
class OneTripConnectionsTest {

  @Test
  void noDataSourceToFindMeansNoOneTripAppends() {
    // outside a server there is no naming context at all: the lookup fails as a missing name does
    OneTripConnections connections = new OneTripConnections();

    assertTrue(connections.source().isEmpty());
    assertTrue(connections.source().isEmpty(), "looked up once, the answer kept");
  }

  @Test
  void connectionsThatRefusedSeveralStatementsAreNotUsedAgain() {
    DataSource appends =
        (DataSource)
            Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (p, m, a) -> null);
    OneTripConnections connections = new OneTripConnections(appends);
    assertSame(appends, connections.source().orElseThrow());

    connections.refusedSeveralStatements(
        new SQLSyntaxErrorException("You have an error in your SQL syntax", "42000", 1064));

    assertTrue(connections.source().isEmpty());
  }
}

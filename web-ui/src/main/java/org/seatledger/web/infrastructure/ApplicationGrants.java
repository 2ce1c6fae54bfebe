package org.seatledger.web.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Gives the application's database account the table privileges each module declares in {@code
 * db/grants/<module>.sql}, and nothing more.
 *
 * <p>Only where it matters: on MySQL (and MariaDB), when the migrations ran as a different account
 * than the application's. With one account, or on the embedded database, there is nobody to grant
 * anything to. {@code GRANT} is idempotent, so this runs on every start and also repairs a grant
 * that an admin removed by mistake.
 */
final class ApplicationGrants {

  private static final Logger LOG = Logger.getLogger(ApplicationGrants.class.getName());

  private final DataSource owner;
  private final String applicationUser;

  /**
   * @param owner the migrations' data source
   * @param applicationUser the user name the application connects with ({@code
   *     SEATLEDGER_DB_USER}); it gets its grants for the same host as the owner's account, since
   *     both connect from the same server
   */
  ApplicationGrants(DataSource owner, String applicationUser) {
    this.owner = owner;
    this.applicationUser = applicationUser;
  }

  void grant(List<String> modules) throws SQLException {
    try (Connection ownerConnection = owner.getConnection()) {
      String product =
          ownerConnection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (!product.contains("mysql") && !product.contains("mariadb")) {
        return;
      }
      String ownerAccount = currentAccount(ownerConnection);
      int at = ownerAccount.lastIndexOf('@');
      if (ownerAccount.substring(0, at).equals(applicationUser)) {
        return;
      }
      String grantee = quoted(applicationUser) + "@" + quoted(ownerAccount.substring(at + 1));
      try (Statement statement = ownerConnection.createStatement()) {
        for (String module : modules) {
          for (String grant : statements(module)) {
            statement.execute(grant.replace("${app}", grantee));
          }
        }
      }
      LOG.info(() -> "Granted the application account " + grantee + " its table privileges");
    }
  }

  /** {@code user@host} of the account this connection was matched to. */
  private static String currentAccount(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT CURRENT_USER()")) {
      row.next();
      return row.getString(1);
    }
  }

  private static String quoted(String name) {
    return "'" + name.replace("\\", "\\\\").replace("'", "''") + "'";
  }

  private static List<String> statements(String module) {
    String resource = "db/grants/" + module + ".sql";
    try (InputStream in = ApplicationGrants.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        // every module in the list declares its privileges, even if none: a missing file is a
        // module that would run without its tables' grants, failing later and less clearly
        throw new IllegalStateException("module " + module + " has no " + resource);
      }
      String sql =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(line -> !line.strip().startsWith("--"))
              .collect(Collectors.joining("\n"));
      return Arrays.stream(sql.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

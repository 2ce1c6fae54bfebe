package org.seatledger.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.seatledger.eventlog.api.SchemaReady;

/**
 * A new installation has no users, so nobody could sign in. On the first start with an empty user
 * table this creates {@code admin}: with {@code SEATLEDGER_ADMIN_PASSWORD} when it is set,
 * otherwise with a generated password that is printed once to the server log and never again.
 *
 * <p>The first admin holds all three roles so that a first-time user can try every part of the
 * system; accounts for real people should get only the roles they need.
 */
@ApplicationScoped
public class AdminBootstrap {

  static final String ADMIN = "admin";
  private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final int GENERATED_LENGTH = 20;

  @Inject UserAccounts accounts;

  @Inject
  @ConfigProperty(name = "seatledger.admin-password")
  Optional<String> configuredPassword;

  @Inject
  @ConfigProperty(name = "seatledger.http-port", defaultValue = "9080")
  int httpPort;

  @Inject
  @ConfigProperty(name = "seatledger.https-port", defaultValue = "9443")
  int httpsPort;

  void onSchemaReady(@Observes SchemaReady ready) {
    String where = "http://localhost:" + httpPort + "/ or https://localhost:" + httpsPort + "/";
    if (!accounts.none()) {
      announce("Seat Ledger is ready: browse " + where + " and sign in.");
      return;
    }
    boolean generated = configuredPassword.filter(p -> !p.isBlank()).isEmpty();
    String password = generated ? generatePassword() : configuredPassword.get();
    Optional<String> weakness = PasswordPolicy.weakness(ADMIN, password);
    if (weakness.isPresent()) {
      LOG.severe(
          "SEATLEDGER_ADMIN_PASSWORD is refused: "
              + weakness.get()
              + " No admin was created; set a stronger one and restart.");
      return;
    }
    try {
      accounts.create(ADMIN, password.toCharArray(), Set.copyOf(Roles.ALL), "system");
    } catch (UserAccounts.UsernameTaken anotherServerWasFaster) {
      announce("Seat Ledger is ready: browse " + where + " and sign in.");
      return;
    }
    if (generated) {
      announce(
          String.join(
              System.lineSeparator(),
              "",
              "==================================================================",
              " Seat Ledger created the first user. This is shown only once.",
              "   user:     " + ADMIN,
              "   password: " + password,
              " Browse " + where + " and sign in.",
              " (Set SEATLEDGER_ADMIN_PASSWORD before the first start to choose it.)",
              "=================================================================="));
    } else {
      announce(
          "Seat Ledger created user 'admin' with the password from SEATLEDGER_ADMIN_PASSWORD."
              + " Browse "
              + where
              + " and sign in.");
    }
  }

  /** Console and log: an admin starting the server must see where to go. */
  private static void announce(String message) {
    System.out.println(message);
  }

  private static String generatePassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder(GENERATED_LENGTH);
    for (int i = 0; i < GENERATED_LENGTH; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}

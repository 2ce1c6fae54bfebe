package org.seatledger.it.store;

import org.seatledger.it.Http;
import org.seatledger.it.Setup;

/** What the master key tests set up through the REST API of the server under test. */
final class MasterKeyFixture {
  static final String PASSWORD = "master-key-passphrase-1";

  private MasterKeyFixture() {}

  static String conferenceWithSeats(int seats) {
    return Setup.publishedConference(Http.admin(), seats);
  }

  static String user(String role) {
    return Setup.user(role, PASSWORD);
  }
}

package org.seatledger.web.security;

import java.util.List;

/** The three roles of Seat Ledger. A role is a row in {@code app_user_roles}. */
public final class Roles {
  /** Conference staff: set up conferences, book seats. */
  public static final String STAFF = "staff";

  /** Auditors: read the full change history, read-only. */
  public static final String AUDITOR = "auditor";

  /** Admins: users, operations, rebuilds, erasure. */
  public static final String ADMIN = "admin";

  public static final List<String> ALL = List.of(STAFF, AUDITOR, ADMIN);

  private Roles() {}
}

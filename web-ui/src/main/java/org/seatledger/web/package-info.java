/**
 * The web tier: server-rendered pages for staff and auditors, the REST API under {@code /api},
 * security (users, roles, sign-in) and the application's start-up (schema migrations of every
 * module, the first admin user).
 *
 * <p>Imports only the {@code api} packages of the booking, reporting and audit modules. Owns the
 * user tables, migrated from {@code db/web}. Publishes nothing: no other module depends on it.
 */
package org.seatledger.web;

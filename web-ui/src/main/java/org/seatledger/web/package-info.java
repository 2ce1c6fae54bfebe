/**
 * The web tier: server-rendered pages for staff and auditors, the REST API under {@code /api},
 * security (users, roles, sign-in), the messaging channels (integration events and payments over
 * Kafka, {@code messaging}) and the application's start-up (schema migrations of every module, the
 * first admin user).
 *
 * <p>Imports only the {@code api} packages of the booking, reporting and audit modules. Owns the
 * user tables and the integration relay's checkpoint, migrated from {@code db/web}. Publishes
 * nothing: no other module depends on it.
 */
package org.seatledger.web;

/**
 * What the server needs around the modules: schema migrations in module order and the grants of the
 * application account, readiness checks and metrics, request size limits, security headers, and
 * telling a database outage apart from our own faults.
 *
 * <p>Uses only the api packages of the other modules.
 */
package org.seatledger.web.infrastructure;

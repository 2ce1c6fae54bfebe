/** Queries and results of the audit trail, for the web tier. */
package org.seatledger.audit.api;

/** Queries and results of the staff read models, for the web tier. */
package org.seatledger.reporting.api;

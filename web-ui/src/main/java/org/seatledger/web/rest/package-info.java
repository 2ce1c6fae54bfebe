/**
 * The JSON API under {@code /api}: resources that turn requests into commands and queries of the
 * modules, strict reading of request bodies, and problem documents (RFC 9457) with a sentence for
 * every failure.
 *
 * <p>No business rule lives here; refusals come from the domain and are only rendered.
 */
package org.seatledger.web.rest;

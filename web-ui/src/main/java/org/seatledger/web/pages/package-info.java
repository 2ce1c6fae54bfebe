/**
 * The server-rendered pages (Jakarta Faces): their backing beans and what they show when a form
 * expired or the database is away.
 *
 * <p>Pages call the same application services as the REST API and render the same results; no
 * second path to the domain.
 */
package org.seatledger.web.pages;

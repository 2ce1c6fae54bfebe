/**
 * What the REST API and the pages share on their way to the modules: sending a command for the
 * signed-in user ({@link org.seatledger.web.application.UserCommands}), waiting until a read model
 * has applied a command's position ({@link org.seatledger.web.application.ReadYourWrites}), and an
 * admin's operations on the read models, each recorded in the log ({@link
 * org.seatledger.web.application.ReadModelOperations}, {@link
 * org.seatledger.web.application.ReadModelEvent}).
 *
 * <p>Both front ends go through these classes, so a page and an API call with the same key are the
 * same command, and both read their own writes the same way.
 */
package org.seatledger.web.application;

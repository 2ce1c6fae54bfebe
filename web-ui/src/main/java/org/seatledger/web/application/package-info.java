/**
 * What the REST API and the pages share on their way to the modules: sending a command for the
 * signed-in user ({@link org.seatledger.web.application.UserCommands}) and waiting until a read
 * model has applied a command's position ({@link org.seatledger.web.application.ReadYourWrites}).
 *
 * <p>Both front ends go through these two classes, so a page and an API call with the same key are
 * the same command, and both read their own writes the same way.
 */
package org.seatledger.web.application;

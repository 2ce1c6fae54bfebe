/**
 * The admin pages under {@code /admin} (admin role only, in web.xml): users, and the operations
 * state of the server. They use the same services as the admin API.
 */
package org.seatledger.web.pages.admin;

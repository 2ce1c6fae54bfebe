/**
 * The conference pages: the list ({@code /conferences}), a new conference ({@code
 * /conferences/new}), one conference with its seat types ({@code /conferences/{id}}) and its
 * availability dashboard ({@code /conferences/{id}/dashboard}). Forms for staff only; auditors and
 * admins read.
 */
package org.seatledger.web.pages.conferences;

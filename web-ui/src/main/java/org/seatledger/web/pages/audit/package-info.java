/**
 * The auditor pages (issue 17): an entity's history with field diffs and time travel, search of the
 * audit trail with export, the causation chain of a request, and integrity (verifications and
 * digests). Read-only, for auditors and admins ({@code /audit/*} in web.xml); every view is a GET
 * address an auditor can cite, except running a verification and checking a pasted digest.
 */
package org.seatledger.web.pages.audit;

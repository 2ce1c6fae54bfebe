package org.seatledger.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The roles the application knows. Users and their roles live in the application's own database
 * ({@code app_users}, {@code app_user_roles}); {@link UserStore} checks their passwords, and {@link
 * SeatLedgerAuthentication} hands its verdict to the container — no container identity store is
 * involved, so a database that cannot be read is never taken for a failed sign-in.
 */
@DeclareRoles({Roles.STAFF, Roles.AUDITOR, Roles.ADMIN})
@ApplicationScoped
public class ApplicationRoles {}

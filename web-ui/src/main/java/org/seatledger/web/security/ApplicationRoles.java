package org.seatledger.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Users live in the application's own database: Jakarta Security's standard database identity store
 * verifies PBKDF2 hashes from {@code app_users} and reads roles from {@code app_user_roles}.
 */
@DatabaseIdentityStoreDefinition(
    dataSourceLookup = "jdbc/seatledger",
    callerQuery = "SELECT password_hash FROM app_users WHERE username = ?",
    groupsQuery = "SELECT role_name FROM app_user_roles WHERE username = ?",
    hashAlgorithm = Pbkdf2PasswordHash.class,
    hashAlgorithmParameters = {
      PasswordHashing.ALGORITHM,
      PasswordHashing.ITERATIONS,
      PasswordHashing.SALT_BYTES,
      PasswordHashing.KEY_BYTES
    })
@DeclareRoles({Roles.STAFF, Roles.AUDITOR, Roles.ADMIN})
@ApplicationScoped
public class IdentityStoreConfiguration {}

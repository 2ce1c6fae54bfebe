package org.seatledger.web.security;

import java.util.List;
import java.util.Objects;
import org.seatledger.eventlog.api.EventType;

/**
 * What happened to a user's access, recorded in the event log on the stream {@code user-<name>} so
 * that the audit trail covers access control too. Who did it and when are the event's metadata
 * (principal, recorded time). A password, or its hash, is never part of an event: {@link
 * PasswordReset} and {@link PasswordChanged} only say that it happened.
 */
public sealed interface UserEvent {

  /** The user the event is about. */
  String username();

  /** The stream every event of one user goes to. */
  static String streamOf(String username) {
    return "user-" + username;
  }

  /** The stream type of user streams. */
  String STREAM_TYPE = "user";

  /** A user was created with these roles. */
  @EventType(name = "UserCreated")
  record UserCreated(String username, List<String> roles) implements UserEvent {
    public UserCreated {
      Objects.requireNonNull(username, "username");
      roles = List.copyOf(roles);
    }
  }

  /** The user's roles were changed from {@code before} to {@code after}. */
  @EventType(name = "UserRolesChanged")
  record UserRolesChanged(String username, List<String> before, List<String> after)
      implements UserEvent {
    public UserRolesChanged {
      Objects.requireNonNull(username, "username");
      before = List.copyOf(before);
      after = List.copyOf(after);
    }
  }

  /** The user may no longer sign in; their sessions ended with it. */
  @EventType(name = "UserDisabled")
  record UserDisabled(String username) implements UserEvent {}

  /** A disabled user may sign in again. */
  @EventType(name = "UserEnabled")
  record UserEnabled(String username) implements UserEvent {}

  /** An admin gave the user a one-time password, to be changed at the next sign-in. */
  @EventType(name = "PasswordReset")
  record PasswordReset(String username) implements UserEvent {}

  /** The user changed their own password. */
  @EventType(name = "PasswordChanged")
  record PasswordChanged(String username) implements UserEvent {}
}

package org.seatledger.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.seatledger.eventlog.api.EventCatalogue;

/** The event types of access control ({@link UserEvent}), registered with the event log. */
@ApplicationScoped
public class UserCatalogue implements EventCatalogue {

  @Override
  public void register(Registrar registrar) {
    registrar
        .event(UserEvent.UserCreated.class)
        .event(UserEvent.UserRolesChanged.class)
        .event(UserEvent.UserDisabled.class)
        .event(UserEvent.UserEnabled.class)
        .event(UserEvent.PasswordReset.class)
        .event(UserEvent.PasswordChanged.class);
  }
}

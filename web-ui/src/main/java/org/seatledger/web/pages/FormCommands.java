package org.seatledger.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.seatledger.booking.api.BookingCommand;
import org.seatledger.booking.api.CommandRefused;
import org.seatledger.booking.api.CommandResult;
import org.seatledger.web.application.UserCommands;
import org.seatledger.web.security.Roles;

/**
 * How a page's form runs a command: through the same {@link UserCommands} as the REST API, under
 * the idempotency key the form carried ({@link FormKey}), for a staff member only.
 *
 * <ul>
 *   <li>Refused (by the command's own checks or by the rules): the domain's sentence becomes a form
 *       message next to the field {@link RefusalFields} names, and in the summary; the page is
 *       shown again with what was typed; nothing was stored.
 *   <li>Carried out: post/redirect/get to the page's bookmarkable address with {@code
 *       ?at=<position>}, where {@link PageReads#await} waits for the read model to reach the
 *       command, and {@code done} is shown once as a note.
 * </ul>
 *
 * <pre>{@code
 * public void create() {
 *   commands.send(
 *       () -> new CreateConference(name, slug, startsOn, endsOn, venue),
 *       RefusalFields.of().when("slug", "slug").when("cannot end", "endsOn"),
 *       "The conference was created.",
 *       result -> "/conferences/" + result.id());
 * }
 * }</pre>
 */
@RequestScoped
public class FormCommands {

  /** The hidden field that carries the form's idempotency key. */
  public static final String KEY_FIELD = "idempotencyKey";

  /** The query parameter that carries a command's position to the page after the redirect. */
  public static final String POSITION_PARAMETER = "at";

  @Inject UserCommands commands;
  @Inject SecurityContext security;
  @Inject FacesContext faces;

  /**
   * Sends the command without a reason; see {@link #send(Supplier, String, RefusalFields, String,
   * Function)}.
   */
  public Optional<CommandResult> send(
      Supplier<BookingCommand> command,
      RefusalFields fields,
      String done,
      Function<CommandResult, String> address) {
    return send(command, null, fields, done, address);
  }

  /**
   * Builds and sends the command; on success redirects to {@code address} (a path on this site such
   * as {@code /conferences/42}) and shows {@code done} there.
   *
   * @param command builds the command from the form's values; a refusal of its constructor is
   *     answered like the rules' refusals
   * @param reason the command's reason, stored with its events, or null
   * @return the result when carried out (the response is then a redirect), empty when refused or
   *     not allowed
   */
  public Optional<CommandResult> send(
      Supplier<BookingCommand> command,
      String reason,
      RefusalFields fields,
      String done,
      Function<CommandResult, String> address) {
    if (!security.isCallerInRole(Roles.STAFF)) {
      forbid();
      return Optional.empty();
    }
    ExternalContext external = faces.getExternalContext();
    CommandResult result;
    try {
      result =
          commands.send(
              command.get(),
              external.getRequestParameterMap().get(KEY_FIELD),
              null,
              security.getCallerPrincipal().getName(),
              reason);
    } catch (CommandRefused refused) {
      refuse(refused.getMessage(), fields);
      return Optional.empty();
    }
    redirect(address.apply(result), result.position(), done);
    return Optional.of(result);
  }

  private void refuse(String sentence, RefusalFields fields) {
    FacesMessage message = new FacesMessage(FacesMessage.SEVERITY_ERROR, sentence, sentence);
    String field = fields.fieldOf(sentence).orElse(null);
    faces.addMessage(field, message);
    if (field != null) {
      // marked like a failed conversion, so the field shows it (aria-invalid, its style)
      faces
          .getViewRoot()
          .invokeOnComponent(
              faces,
              field,
              (context, component) -> {
                if (component instanceof UIInput input) {
                  input.setValid(false);
                }
              });
    }
    faces.validationFailed();
  }

  private void redirect(String address, long position, String done) {
    ExternalContext external = faces.getExternalContext();
    if (done != null) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, done, done));
      external.getFlash().setKeepMessages(true);
      external.getFlash().setRedirect(true);
    }
    String query =
        position > 0
            ? (address.contains("?") ? "&" : "?") + POSITION_PARAMETER + "=" + position
            : "";
    try {
      external.redirect(external.getRequestContextPath() + address + query);
    } catch (IOException clientGone) {
      // the command was carried out; there is nobody left to show it to
    }
    faces.responseComplete();
  }

  private void forbid() {
    faces.responseComplete(); // before the error page ends this request's faces context
    try {
      faces.getExternalContext().responseSendError(403, "staff only");
    } catch (IOException clientGone) {
      // nothing to send to
    }
  }
}

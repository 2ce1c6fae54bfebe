package org.seatledger.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response.Status;
import java.lang.annotation.ElementType;
import java.util.Set;

/**
 * A command's JSON body, checked once: present, and within the limits its record declares.
 *
 * <p>Open Liberty validates a resource method's {@code @Valid} parameters twice when the resource
 * is a CDI bean: RESTEasy does, and so does Hibernate Validator's CDI interceptor around the same
 * call (RESTEASY-3339; Liberty has no switch for it). At a hot conference the two passes were about
 * 8 % of a booking's CPU samples (JFR). The resources that take such bodies therefore turn
 * executable validation off ({@code @ValidateOnExecution(type = NONE)}, which both honour) and call
 * {@link #valid} first thing; their {@code @Valid @NotNull} parameter annotations stay, for the API
 * description. A broken body is answered exactly as before: 400 with every broken field ({@link
 * ProblemMappers.InvalidInput}).
 *
 * <p>Every property of a body may be read: {@code WEB-INF/validation.xml} names {@link
 * PlainRecords} as the web module's traversable resolver. By default, with JPA in the server, Bean
 * Validation asks the persistence provider for each property whether it is loaded — a quarter of a
 * body's validation in the JFR profile, for records that are never entities.
 */
@ApplicationScoped
public class RequestBodies {

  @Inject Validator validator;

  /**
   * The body, or a 400 saying what to correct: no body at all, or the fields that break a limit.
   */
  public <T> T valid(T body) {
    if (body == null) {
      throw new ApiException(Status.BAD_REQUEST, "Send the details as a JSON object.");
    }
    Set<ConstraintViolation<T>> violations = validator.validate(body);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return body;
  }

  /**
   * Request bodies and form values are plain objects: nothing in them is loaded lazily, everything
   * is checked. The web module's traversable resolver ({@code WEB-INF/validation.xml}).
   */
  public static final class PlainRecords implements TraversableResolver {
    @Override
    public boolean isReachable(
        Object object,
        Path.Node property,
        Class<?> rootType,
        Path pathToProperty,
        ElementType elementType) {
      return true;
    }

    @Override
    public boolean isCascadable(
        Object object,
        Path.Node property,
        Class<?> rootType,
        Path pathToProperty,
        ElementType elementType) {
      return true;
    }
  }
}

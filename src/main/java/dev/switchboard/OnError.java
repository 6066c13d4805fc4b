package dev.switchboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Receives an exception thrown by another handler of the route, a message that did not decode, or an error the
 * connection met.
 *
 * <p>After a handler exception the connection is closed with 1011 (Internal Error) once this handler has
 * run. Without an {@code OnError} handler such exceptions are logged. An exception thrown by this handler
 * itself is logged.
 *
 * <p>A message that did not decode into its handler's type arrives as a {@link MessageDecodeException}, with the
 * message as it came, the target type and the parser's position; the session stays open, and this handler may
 * answer or close it. Without an {@code OnError} handler the session is closed with 1007 instead
 * ({@link CloseCause#UNDECODABLE_MESSAGE}).
 *
 * <p>Contract, checked at compile time by the annotation processor, on a {@link Route} and a {@link WebSocketClient}
 * alike (where it says "route", read "client"):
 * <ul>
 *   <li>Message parameter: exactly one, declared {@link Throwable} (a subtype such as {@code Exception}
 *       is refused: any throwable may arrive).</li>
 *   <li>Also allowed, in any order: one {@link WebSocketSession} parameter, and any number of
 *       {@code String} parameters annotated {@link PathParam} naming variables of the route's template (a route's
 *       only: a client has no path, and refuses them).</li>
 *   <li>Return type: {@code void}.</li>
 *   <li>At most one handler of this kind per route or client, counting those it inherits from its superclasses (see
 *       {@link Route} on inherited handlers); it is neither {@code private} nor {@code static}, {@code public}
 *       if declared in a superclass of another package, and may throw any exception.</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnError {
}

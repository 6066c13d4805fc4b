package dev.switchboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Receives each pong frame of a connection, whether it answers {@link WebSocketSession#ping()} or was
 * sent unsolicited.
 *
 * <p>Contract, checked at compile time by the annotation processor, on a {@link Route} and a {@link WebSocketClient}
 * alike (where it says "route", read "client"):
 * <ul>
 *   <li>Message parameter: optional, one {@link java.nio.ByteBuffer}, the pong payload (valid only during the
 *       call).</li>
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
public @interface OnPong {
}

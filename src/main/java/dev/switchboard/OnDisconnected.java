package dev.switchboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs exactly once per connection, after {@link OnConnected} and after every other callback of that
 * connection, however it ended: closed by the client or the server, lost without a close frame, closed
 * after a handler failure, or closed by server shutdown. The {@link CloseStatus} tells which.
 *
 * <p>The session is closed by then: writes fail.
 *
 * <p>Contract, checked at compile time by the annotation processor, on a {@link Route} and a {@link WebSocketClient}
 * alike (where it says "route", read "client"):
 * <ul>
 *   <li>Message parameter: optional, one {@link CloseStatus}.</li>
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
public @interface OnDisconnected {
}

package dev.switchboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a handler parameter of a route to a variable of the route's path template.
 *
 * <pre>{@code
 * @Route("/chat/{room}")
 * class ChatRoom {
 *     @OnText void said(WebSocketSession session, @PathParam("room") String room, String text) { ... }
 * }
 * }</pre>
 *
 * <p>Rules checked at compile time: only on parameters of a method that carries a handler annotation; the
 * parameter is a {@code String}, and the name is a variable of the {@link Route} template. The value is resolved
 * once per connection.
 *
 * <p>Never on a handler of a {@link WebSocketClient}, inherited ones included: a client has no path template. Its
 * handlers read the URI it connected to from {@link WebSocketSession#requestUri()} instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface PathParam {

    /**
     * The name of the template variable, without braces.
     *
     * @return the variable name
     */
    String value();
}

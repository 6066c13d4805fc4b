package dev.switchboard.binding;

import dev.switchboard.WebSocketSession;

import java.util.function.Supplier;

/**
 * The bridge between a {@code @Route} class and the runtime, implemented by the adapter that the annotation
 * processor generates for each route and listed in {@code META-INF/services/dev.switchboard.binding.RouteBinding}.
 * Not meant to be implemented by hand.
 */
public interface RouteBinding {

    /**
     * The {@code @Route} class this adapter serves.
     *
     * @return the route class
     */
    Class<?> routeClass();

    /**
     * The route's path template, as written in {@code @Route}.
     *
     * @return the path template
     */
    String path();

    /**
     * The route's settings as its {@code @Route} annotation declares them.
     *
     * @return the declared settings
     */
    RouteOptions options();

    /**
     * Whether the route has an {@code @OnText} handler.
     *
     * @return {@code true} if text messages are accepted
     */
    boolean handlesText();

    /**
     * Whether the route has an {@code @OnBinary} handler.
     *
     * @return {@code true} if binary messages are accepted
     */
    boolean handlesBinary();

    /**
     * How the route's {@code @OnText} handler takes its messages.
     *
     * @return {@link MessageForm#WHOLE} unless the handler takes a {@code Reader} or a part
     */
    default MessageForm textForm() {
        return MessageForm.WHOLE;
    }

    /**
     * How the route's {@code @OnBinary} handler takes its messages.
     *
     * @return {@link MessageForm#WHOLE} unless the handler takes an {@code InputStream} or a part
     */
    default MessageForm binaryForm() {
        return MessageForm.WHOLE;
    }

    /**
     * Whether a handler of the route takes or returns a type that only the route's codec turns into a message or
     * from one, so that the runtime finds the codec when it deploys the route rather than on its first message.
     *
     * @return {@code true} if the route needs a codec
     */
    default boolean usesCodec() {
        return false;
    }

    /**
     * The route's no-argument constructor, with which the runtime makes route instances when no instance factory
     * does.
     *
     * @return the constructor, or {@code null} if the route has none (it has one for an injector instead)
     */
    Supplier<Object> constructor();

    /**
     * Binds a new connection to its route instance, and resolves its path parameters, once.
     *
     * @param session  the connection's session
     * @param instance the connection's instance of the route class (the shared one for a shared route)
     * @param messages the connection's decoding of typed messages and sending of return values
     * @return the connection's callbacks
     */
    ConnectionHandlers connect(WebSocketSession session, Object instance, Messages messages);
}

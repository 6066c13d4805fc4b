package dev.switchboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a class the endpoint of a WebSocket client: the same handler annotations as a {@link Route}
 * ({@link OnConnected}, {@link OnText}, {@link OnBinary}, {@link OnPong}, {@link OnDisconnected}, {@link OnError}),
 * run for the connections a {@link WebSocketConnector} opens to a server.
 *
 * <p>The annotation processor checks a client class by the rules of {@link Route} and of each handler annotation,
 * with the same messages, except that a client has no path: a handler parameter annotated {@link PathParam} is
 * refused; and it needs a no-argument constructor only if a connector makes its instances
 * ({@code WebSocketConnector.of(Class)}), not if the application does ({@code WebSocketConnector.of(instance)}). Typed messages (a codec), streams and parts are allowed as on a route. A class may not be both a
 * {@code @Route} and a {@code @WebSocketClient}.
 *
 * <p>One instance of the class serves all the connections of one connector, its reconnections included: they
 * never overlap, so its callbacks never run concurrently, and its fields keep state across reconnections.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WebSocketClient {

    /**
     * The codec of this client's typed messages, as {@link Route#codec()} is a route's: handler parameters and
     * return values of other types than {@code String}, {@code byte[]} and {@code ByteBuffer}, and
     * {@link WebSocketSession#writeObject(Object)}. {@code Codec.class} itself, the default, takes the connector's
     * codec ({@link WebSocketConnector#codec(Codec)}), else the one the class path offers (see {@link Codec}).
     *
     * @return the codec of this client
     */
    Class<? extends Codec> codec() default Codec.class;
}

package dev.switchboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a class a WebSocket route served at a path.
 *
 * <p>The path is a Jakarta WebSocket URI template: it starts with {@code /}, has no empty segments, no
 * trailing {@code /} (unless it is just {@code "/"}), no {@code ?} or {@code #}; a whole segment may be a
 * variable such as {@code {room}} (a name matching {@code [A-Za-z_][A-Za-z0-9_.-]*}, each name once) that
 * handlers read with {@link PathParam} or {@link WebSocketSession#pathParam(String)}. Two routes may not
 * have equivalent paths (paths that differ only in variable names).
 *
 * <p>Rules checked at compile time by the annotation processor:
 * <ul>
 *   <li>the class is a plain class (not an interface, enum, record or annotation type), top-level or
 *       {@code static} nested (not inside a {@code private} class), not {@code abstract}, not
 *       {@code private}, not generic;</li>
 *   <li>it has a no-argument constructor that is not {@code private};</li>
 *   <li>it has at most one method of each handler kind ({@link OnConnected}, {@link OnText},
 *       {@link OnBinary}, {@link OnPong}, {@link OnDisconnected}, {@link OnError}), counting the handlers it
 *       inherits;</li>
 *   <li>no method or parameter of it or its superclasses carries Jakarta WebSocket's annotations of the same
 *       names ({@code jakarta.websocket.OnOpen}, {@code OnClose}, {@code OnMessage}, {@code OnError},
 *       {@code jakarta.websocket.server.PathParam}): a route never reads them, so each is refused with the
 *       Switchboard annotation to import instead.</li>
 * </ul>
 *
 * <p>Inherited handlers: a route has the handlers declared in its class and in its superclasses (not in
 * interfaces), all under the rules above, so that routes can share handlers through a base class.
 * <ul>
 *   <li>A method that overrides a handler is that handler, whether or not it repeats the annotation: the
 *       generated adapter calls it as Java calls any method, so the override runs.</li>
 *   <li>The handler's parameters are bound as declared on the method nearest to the route that carries the
 *       handler annotation: an override that repeats the annotation also repeats its {@link PathParam}s,
 *       and one that does not repeat it keeps the bindings of the method it overrides.</li>
 *   <li>The adapter is generated in the route's package, so a handler declared in a superclass of another
 *       package must be {@code public}.</li>
 *   <li>A class with handler methods that is not a route must be a base class of routes: {@code abstract},
 *       or extended by a {@code @Route} class of the same compilation. Handler methods anywhere else would
 *       never run, and are refused.</li>
 * </ul>
 *
 * <p>By default every connection gets its own instance of the class, so fields hold per-connection state
 * (as in Jakarta WebSocket). With {@link #shared()} one instance serves every connection of the route; it
 * must then be thread-safe, since callbacks of different connections run concurrently.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Route {

    /**
     * The URI template this route answers, for example {@code "/chat/{room}"}.
     *
     * @return the path template
     */
    String value();

    /**
     * Whether one instance of the class serves every connection instead of one instance per connection.
     *
     * @return {@code true} for a single shared, thread-safe instance
     */
    boolean shared() default false;

    /**
     * Most messages a session of this route may have queued for sending; {@code 0} takes the server's
     * setting ({@link SendQueueLimits#maxMessages()}).
     *
     * @return the message limit, or {@code 0} for the server default
     */
    int maxQueuedMessages() default 0;

    /**
     * Most bytes a session of this route may have queued for sending; {@code 0} takes the server's setting
     * ({@link SendQueueLimits#maxBytes()}).
     *
     * @return the byte limit, or {@code 0} for the server default
     */
    long maxQueuedBytes() default 0;

    /**
     * What happens when a write would exceed the queue limits; {@link OverflowAction#INHERIT} takes the
     * server's setting.
     *
     * @return the overflow action of this route
     */
    OverflowAction onOverflow() default OverflowAction.INHERIT;

    /**
     * The largest message, text (in UTF-8 bytes) or binary, this route accepts; a larger one closes the
     * session with 1009 (Message Too Big), cause {@link CloseCause#TOO_BIG}. {@code 0} takes the server's
     * setting (16 MiB by default).
     *
     * @return the limit in bytes, or {@code 0} for the server default
     */
    long maxMessageBytes() default 0;

    /**
     * The largest message, text (in UTF-8 bytes) or binary, this route accepts through a streaming handler (an
     * {@link OnText} taking a {@link java.io.Reader}, an {@link OnBinary} taking a {@link java.io.InputStream}) or
     * a fragment handler (one taking a part and a {@code boolean last}); a larger one closes the session with
     * 1009 (Message Too Big), cause {@link CloseCause#TOO_BIG}. {@link #maxMessageBytes()} does not apply to such
     * messages, whose memory stays bounded whatever their length. {@code 0} takes the server's setting (no limit
     * by default).
     *
     * @return the limit in bytes, or {@code 0} for the server default
     */
    long maxStreamBytes() default 0;

    /**
     * Seconds one send may wait for the client before the session is closed as a slow consumer; {@code -1}
     * takes the server's {@link SendQueueLimits#sendTimeout()}, {@code 0} sets no limit.
     *
     * @return the send timeout in seconds, {@code 0} for none, or {@code -1} for the server default
     */
    int sendTimeoutSeconds() default -1;

    /**
     * Seconds between heartbeat pings for this route's sessions, also the time a pong may take; {@code -1}
     * takes the server's {@link Heartbeat}, {@code 0} turns heartbeats off for this route.
     *
     * @return the heartbeat interval in seconds, {@code 0} for off, or {@code -1} for the server default
     */
    int heartbeatSeconds() default -1;

    /**
     * Seconds without any message either way after which a session is closed with cause
     * {@link CloseCause#IDLE_TIMEOUT}; {@code -1} takes the server's setting, {@code 0} turns it off.
     *
     * @return the idle timeout in seconds, {@code 0} for none, or {@code -1} for the server default
     */
    int idleTimeoutSeconds() default -1;

    /**
     * The check every upgrade request to this route passes before it becomes a session: a class, not abstract,
     * top-level or static nested, with a no-argument constructor that throws no checked exception and that the
     * route's package can call (public, or not private if the check is in the route's package); the generated
     * adapter creates it, and the annotation processor checks this at compile time.
     * {@code HandshakeCheck.class} itself, the default, accepts every request.
     *
     * @return the handshake check of this route
     */
    Class<? extends HandshakeCheck> handshake() default HandshakeCheck.class;

    /**
     * The codec of this route's typed messages: handler parameters and return values of other types than
     * {@code String}, {@code byte[]} and {@code ByteBuffer}, {@link WebSocketSession#writeObject(Object)} and
     * {@link Sessions#broadcastObject(Object)}. A class with the same requirements as {@link #handshake()}'s, such
     * as {@link JsonbCodec}; the generated adapter creates it once per deployment of the route.
     * {@code Codec.class} itself, the default, takes the server's codec ({@link SettingsBuilder#codec(Codec)}), else
     * the one the class path offers (see {@link Codec}).
     *
     * @return the codec of this route
     */
    Class<? extends Codec> codec() default Codec.class;

    /**
     * Origins browsers may connect from; others get 403 before the upgrade. Each entry is an exact origin
     * ({@code https://example.com}, {@code http://localhost:8080}), a pattern with one {@code *} for any
     * subdomain ({@code https://*.example.com}), or {@code *} for any origin. Requests without an
     * {@code Origin} header (non-browser clients) are not affected. Empty, the default, takes the server's
     * list ({@code Switchboard.Builder#allowedOrigins}), which allows every origin unless set.
     *
     * @return the allowed origins, or empty for the server's
     */
    String[] origins() default {};

    /**
     * The subprotocols this route speaks, in its order of preference: the first the client also offers is chosen
     * (a {@link HandshakeCheck} may choose another offered one). Empty, the default, chooses none.
     *
     * @return the route's subprotocols
     */
    String[] subprotocols() default {};

    /**
     * Most sessions this route has open at once; an upgrade beyond it is refused with 503 before it becomes a
     * session. {@code 0}, the default, sets no limit of the route's own (the server's total still applies).
     * The limit is exact, even for handshakes at the same moment: each holds its place from its acceptance.
     *
     * @return the session limit, or {@code 0} for none
     */
    int maxSessions() default 0;
}

package dev.switchboard;

import dev.switchboard.client.ClientOptions;
import dev.switchboard.client.ClientRun;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * Opens client connections with a {@link WebSocketClient} class, on the JDK's {@link java.net.http.WebSocket}:
 * <pre>{@code
 * ClientSession chat = WebSocketConnector.of(ChatClient.class)
 *         .uri("ws://localhost:8080/chat/lobby")
 *         .header("Authorization", "Bearer " + token)
 *         .reconnect(Reconnect.withBackoff())
 *         .connect().toCompletableFuture().join();
 * }</pre>
 *
 * <p>The session is the server's {@link WebSocketSession} API: a single ordered writer safe from any thread, a
 * bounded queue with its overflow action ({@link #sendQueueLimits}), typed messages through the client's codec,
 * pings, and a close with a code. A heartbeat ({@link #heartbeat}, {@link Heartbeat#DEFAULT} unless set) pings the
 * server and ends a connection whose server stopped answering, with cause {@link CloseCause#HEARTBEAT_TIMEOUT}.
 *
 * <p>A connector is a recipe: each {@link #connect()} starts a client of its own, with its own instance of the
 * class when the connector was made {@link #of(Class) of a class}.
 */
public final class WebSocketConnector {

    private final Class<?> clientClass;
    private final Object instance;
    private URI uri;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> subprotocols = new ArrayList<>();
    private SSLContext sslContext;
    private HttpClient httpClient;
    private Duration handshakeTimeout = Duration.ofSeconds(10);
    private final ServerSettings.Builder settings = ServerSettings.builder();
    private Reconnect reconnect = Reconnect.OFF;
    private Supplier<Map<String, String>> refreshHeaders;
    private Consumer<ClientStateChange> stateListener = change -> { };

    private WebSocketConnector(Class<?> clientClass, Object instance) {
        this.clientClass = clientClass;
        this.instance = instance;
    }

    /**
     * A connector whose clients each make an instance of the class with its no-argument constructor.
     *
     * @param clientClass a class annotated {@link WebSocketClient}
     * @return the connector
     */
    public static WebSocketConnector of(Class<?> clientClass) {
        return new WebSocketConnector(Objects.requireNonNull(clientClass, "clientClass"), null);
    }

    /**
     * A connector whose clients run this instance's handlers: an instance of a {@link WebSocketClient} class, made
     * by the application (with what it needs, injected or passed). Clients of one connector share it.
     *
     * @param client the instance
     * @return the connector
     */
    public static WebSocketConnector of(Object client) {
        Objects.requireNonNull(client, "client");
        return new WebSocketConnector(client.getClass(), client);
    }

    /**
     * The server's WebSocket URI.
     *
     * @param uri a {@code ws://} or {@code wss://} URI
     * @return this connector
     */
    public WebSocketConnector uri(URI uri) {
        String scheme = Objects.requireNonNull(uri, "uri").getScheme();
        if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("A WebSocket URI starts with ws:// or wss://, was " + uri);
        }
        this.uri = uri;
        return this;
    }

    /**
     * The server's WebSocket URI.
     *
     * @param uri a {@code ws://} or {@code wss://} URI
     * @return this connector
     */
    public WebSocketConnector uri(String uri) {
        return uri(URI.create(uri));
    }

    /**
     * A header of every opening handshake, e.g. {@code Authorization}; a second value of a name replaces the first.
     *
     * @param name  the header name
     * @param value its value
     * @return this connector
     */
    public WebSocketConnector header(String name, String value) {
        headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * The subprotocols to offer, most preferred first; {@link WebSocketSession#subprotocol()} says which the server
     * chose.
     *
     * @param protocols the subprotocols
     * @return this connector
     */
    public WebSocketConnector subprotocols(String... protocols) {
        subprotocols.clear();
        subprotocols.addAll(List.of(protocols));
        return this;
    }

    /**
     * The TLS context of {@code wss://} connections (trusted certificates, client certificate); the JDK's default
     * otherwise. Ignored when {@link #httpClient(HttpClient)} is given.
     *
     * @param context the TLS context
     * @return this connector
     */
    public WebSocketConnector sslContext(SSLContext context) {
        this.sslContext = Objects.requireNonNull(context, "context");
        return this;
    }

    /**
     * The JDK HTTP client to open connections with, for anything the other settings do not cover (a proxy, an
     * executor, TLS parameters), or to share one client, and its selector thread, between many connectors.
     * Without it each client makes one.
     *
     * @param client the HTTP client
     * @return this connector
     */
    public WebSocketConnector httpClient(HttpClient client) {
        this.httpClient = Objects.requireNonNull(client, "client");
        return this;
    }

    /**
     * How long an opening handshake, TCP and TLS included, may take before the attempt fails; 10 seconds by
     * default.
     *
     * @param timeout the timeout, positive
     * @return this connector
     */
    public WebSocketConnector handshakeTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The handshake timeout must be positive, was " + timeout);
        }
        this.handshakeTimeout = timeout;
        return this;
    }

    /**
     * The client's pings: a connection whose server does not answer one in time ends with cause
     * {@link CloseCause#HEARTBEAT_TIMEOUT} at once (a reconnecting client then connects again).
     * {@link Heartbeat#DEFAULT} unless set; {@link Heartbeat#OFF} sends none.
     *
     * @param heartbeat the heartbeat
     * @return this connector
     */
    public WebSocketConnector heartbeat(Heartbeat heartbeat) {
        settings.heartbeat(heartbeat);
        return this;
    }

    /**
     * The bounds of each connection's outbound queue and what happens beyond them, as on a server.
     *
     * @param limits the limits
     * @return this connector
     */
    public WebSocketConnector sendQueueLimits(SendQueueLimits limits) {
        settings.sendQueueLimits(limits);
        return this;
    }

    /**
     * Closes a connection without a message either way for this long, with cause {@link CloseCause#IDLE_TIMEOUT};
     * none by default.
     *
     * @param timeout the timeout; {@link Duration#ZERO} for none
     * @return this connector
     */
    public WebSocketConnector idleTimeout(Duration timeout) {
        settings.idleTimeout(timeout);
        return this;
    }

    /**
     * The largest whole message the client accepts; a larger one closes the connection with 1009. 16 MiB by
     * default.
     *
     * @param bytes the limit
     * @return this connector
     */
    public WebSocketConnector maxMessageSize(long bytes) {
        settings.maxMessageSize(bytes);
        return this;
    }

    /**
     * The largest message the client's streaming and fragment handlers accept; none by default.
     *
     * @param bytes the limit; 0 for none
     * @return this connector
     */
    public WebSocketConnector maxStreamBytes(long bytes) {
        settings.maxStreamBytes(bytes);
        return this;
    }

    /**
     * The codec of typed messages, unless the client class names its own ({@link WebSocketClient#codec()}); the
     * one the class path offers by default.
     *
     * @param codec the codec
     * @return this connector
     */
    public WebSocketConnector codec(Codec codec) {
        settings.codec(codec);
        return this;
    }

    /**
     * Whether and how the client connects again; {@link Reconnect#OFF} by default.
     *
     * @param reconnect the setting, e.g. {@link Reconnect#withBackoff()}
     * @return this connector
     */
    public WebSocketConnector reconnect(Reconnect reconnect) {
        this.reconnect = Objects.requireNonNull(reconnect, "reconnect");
        return this;
    }

    /**
     * Asked for new headers when a reconnecting client was refused with 401 or 403, or closed with 1008 or 1003,
     * which it otherwise does not retry: a refreshed token, say. The headers it returns replace those of the same
     * names, and the client tries again after the usual backoff; {@code null} or an empty map gives up.
     *
     * @param refresh the source of new headers; it may block
     * @return this connector
     */
    public WebSocketConnector refreshHeaders(Supplier<Map<String, String>> refresh) {
        this.refreshHeaders = Objects.requireNonNull(refresh, "refresh");
        return this;
    }

    /**
     * Told each change of a client's {@link ClientState}, with why and, while reconnecting, when it tries next.
     *
     * @param listener the listener; it runs on the client's threads, and must not block
     * @return this connector
     */
    public WebSocketConnector onStateChange(Consumer<ClientStateChange> listener) {
        this.stateListener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Starts a client: its first connection opens in the background.
     *
     * @return completes with the client's session once its first connection opened and its {@code @OnConnected}
     *         ran; exceptionally if it gave up first (without reconnection, the first
     *         failure: a {@link HandshakeRefusedException}, an {@link java.io.IOException}, a timeout)
     * @throws IllegalStateException if no URI was given, or the class is not a {@link WebSocketClient} with its
     *                               generated adapter
     */
    public CompletionStage<ClientSession> connect() {
        if (uri == null) {
            throw new IllegalStateException("Give the server's URI first: WebSocketConnector.uri(\"ws://...\")");
        }
        return ClientRun.start(new ClientOptions(clientClass, instance, uri, Map.copyOf(headers),
                List.copyOf(subprotocols), sslContext, httpClient, handshakeTimeout, settings.build(), reconnect,
                refreshHeaders, stateListener));
    }
}

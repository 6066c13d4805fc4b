package dev.switchboard;

import dev.switchboard.runtime.Routes;
import dev.switchboard.runtime.ServerSettings;
import dev.switchboard.standalone.GrizzlyHost;
import dev.switchboard.standalone.Pkcs12;
import dev.switchboard.standalone.HandshakeLimits;
import jakarta.websocket.server.ServerEndpointConfig;

import javax.net.ssl.SSLContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A standalone WebSocket server for {@link Route} classes, on Tyrus and Grizzly.
 *
 * <pre>{@code
 * public static void main(String[] args) throws InterruptedException {
 *     Switchboard.builder().port(8080).route(ChatRoom.class).commandLine(args).build().serveUntilShutdown();
 * }
 * }</pre>
 *
 * <p>{@link #serveUntilShutdown()} serves until the process is told to stop (SIGTERM, Ctrl+C), then drains.
 * Tests and embedding code use {@link #start()} and {@link #stop()} (or try-with-resources) instead.
 *
 * <p>With {@link Builder#tls(Path, char[])} or {@link Builder#tls(SSLContext)} it serves {@code wss://} (and
 * static files over {@code https://}) instead.
 *
 * <p>A path without a route answers HTTP 404. {@link #stop()} drains: every open session is closed with
 * 1001 (Going Away) after its queued messages and gets its {@link OnDisconnected}, within the shutdown
 * timeout.
 */
public final class Switchboard implements AutoCloseable {

    private final GrizzlyHost host;
    private final List<String> routes;

    private Switchboard(GrizzlyHost host, List<String> routes) {
        this.host = host;
        this.routes = routes;
    }

    /**
     * Starts configuring a server.
     *
     * @return a builder with host 0.0.0.0 and port 8080
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the address and starts serving.
     *
     * @return this server
     * @throws java.io.UncheckedIOException if the address cannot be bound
     * @throws IllegalStateException if already started or a route cannot be deployed
     */
    public Switchboard start() {
        host.start();
        return this;
    }

    /**
     * Serves until the process is told to stop, then drains: the one call a {@code main} needs. Starts the server
     * if it is not started, waits for SIGTERM (a service manager, {@code docker stop}, {@code kill}) or SIGINT
     * (Ctrl+C), or for {@link #stop()} called elsewhere, then drains as {@link #stop()} does and returns.
     *
     * <p>The drain runs before the JVM begins to shut down, so what it and the {@link OnDisconnected} handlers log
     * is written (JUL's own shutdown hook would otherwise drop it), and clients get 1001 Going Away, never a bare
     * disconnect. Once it returns, the JVM exits with status 0 when {@code main} returns, unless threads of the
     * application's own keep it alive. A second signal during the drain ends the process at once. Where the JVM
     * does not let the signals be caught ({@code -Xrs}), a shutdown hook drains instead.
     *
     * @return what the drain did
     * @throws java.io.UncheckedIOException if the server was not started and its address cannot be bound
     * @throws InterruptedException         if the calling thread is interrupted while serving; the server then
     *                                      keeps serving until {@link #stop()}
     */
    public ShutdownSummary serveUntilShutdown() throws InterruptedException {
        return host.serveUntilShutdown();
    }

    /**
     * The port the server listens on, useful after {@code port(0)}.
     *
     * @return the bound port, or -1 before {@link #start()}
     */
    public int port() {
        return host.port();
    }

    /**
     * Whether the server speaks TLS, as configured with {@link Builder#tls(SSLContext)} or
     * {@link Builder#tls(Path, char[])}.
     *
     * @return {@code true} if clients connect with {@code wss://} (and {@code https://}), {@code false} for
     *         {@code ws://} (and {@code http://})
     */
    public boolean secure() {
        return host.secure();
    }

    /**
     * The path templates of the routes this server serves.
     *
     * @return the paths, in the order routes were added
     */
    public List<String> routes() {
        return routes;
    }

    /**
     * The open sessions of one of this server's routes, to count, list or broadcast to from anywhere.
     * {@link Sessions#of(Class)} gives the same for every server in this class loader.
     *
     * @param routeClass the route class
     * @return a live view; empty if this server does not serve the route
     */
    public Sessions sessions(Class<?> routeClass) {
        return host.sessionsOf(routeClass);
    }

    /**
     * How many sessions are open.
     *
     * @return the number of open sessions
     */
    public int openSessions() {
        return host.openSessions();
    }

    /**
     * Drains and stops the server: new upgrades get 503, sessions are closed with 1001 after their queued
     * messages, their {@link OnDisconnected} handlers run, their clients answer the close, and the listener is
     * closed. Sessions still open when the shutdown timeout passes are cut and reported disconnected all the
     * same, and connections whose client has not answered are closed. Calling it again does nothing.
     *
     * @return how many sessions closed, how many were cut, and how many of their messages were not sent
     */
    public ShutdownSummary stop() {
        return host.stop();
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** Tyrus and Grizzly are optional dependencies, so that a WAR does not ship them: say so if they are missing. */
    private static void requireStandaloneEngine() {
        try {
            Class.forName("org.glassfish.tyrus.container.grizzly.server.GrizzlyServerFilter", false,
                    Switchboard.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The standalone server runs on Tyrus and Grizzly, which are not on the "
                    + "class path: add the dependency org.glassfish.tyrus:tyrus-container-grizzly-server:2.2.2. "
                    + "(In a WAR, deployed to a Jakarta container, no Switchboard server is needed.)", e);
        }
    }

    /**
     * Configures a {@link Switchboard}.
     */
    public static final class Builder {

        /** The environment variable that holds the password of the {@code --keystore} file. */
        private static final String KEYSTORE_PASSWORD = "SWITCHBOARD_KEYSTORE_PASSWORD";

        private String host = "0.0.0.0";
        private int port = 8080;
        private final Set<Class<?>> routes = new LinkedHashSet<>();
        private boolean discover;
        private SendQueueLimits sendQueueLimits = SendQueueLimits.DEFAULT;
        private Duration shutdownTimeout = Duration.ofSeconds(10);
        private Heartbeat heartbeat = Heartbeat.DEFAULT;
        private Duration idleTimeout = Duration.ZERO;
        private long maxMessageBytes = ServerSettings.DEFAULT_MAX_MESSAGE_BYTES;
        private ClassLoader classLoader;
        private String staticFolder;
        private List<String> allowedOrigins = List.of();
        private int maxSessions;
        private SSLContext tlsContext;
        private Path tlsKeystore;
        private char[] tlsPassword;
        private Duration handshakeTimeout = HandshakeLimits.DEFAULT_TIMEOUT;
        private int maxHandshakeHeaderBytes = HandshakeLimits.DEFAULT_MAX_HEADER_BYTES;
        private boolean perMessageDeflate;
        private boolean blockingHandlers;
        private final List<ServerEndpointConfig> endpoints = new ArrayList<>();

        private Builder() {
        }

        /**
         * The address to listen on; only this address is bound.
         *
         * @param host a host name or IP address, e.g. {@code "127.0.0.1"}, or {@code "0.0.0.0"} for all
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * The port to listen on.
         *
         * @param port 0-65535; 0 picks a free port, see {@link Switchboard#port()}
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Port must be 0-65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Applies the options of a command line, as the standalone launcher takes them: {@code --host H},
         * {@code --port P}, {@code --keystore F} (a PKCS12 file, served as {@link #tls(Path, char[])} with the
         * password from the environment variable {@code SWITCHBOARD_KEYSTORE_PASSWORD}, so that it never shows in the
         * process list) and {@code --blocking-handlers} ({@link #blockingHandlers(boolean) blockingHandlers(true)}).
         * Each overrides what was set before it.
         *
         * @param args the arguments of {@code main}
         * @return this builder
         * @throws IllegalArgumentException for an unknown option, an option without its value, or
         *                                  {@code --keystore} without the password variable
         */
        public Builder commandLine(String... args) {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--host" -> host(optionValue(args, ++i));
                    case "--port" -> port(Integer.parseInt(optionValue(args, ++i)));
                    case "--keystore" -> tls(Path.of(optionValue(args, ++i)), keystorePassword());
                    case "--blocking-handlers" -> blockingHandlers(true);
                    default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                            + "; usage: [--host H] [--port P] [--keystore F] [--blocking-handlers]");
                }
            }
            return this;
        }

        private static String optionValue(String[] args, int index) {
            if (index >= args.length) {
                throw new IllegalArgumentException(args[index - 1] + " needs a value");
            }
            return args[index];
        }

        private static char[] keystorePassword() {
            String password = System.getenv(KEYSTORE_PASSWORD);
            if (password == null) {
                throw new IllegalArgumentException("--keystore needs the keystore's password in the environment "
                        + "variable " + KEYSTORE_PASSWORD);
            }
            return password.toCharArray();
        }

        /**
         * Serves a {@link Route} class. Its adapter must have been generated by the annotation processor.
         *
         * @param routeClass the route class
         * @return this builder
         */
        public Builder route(Class<?> routeClass) {
            routes.add(Objects.requireNonNull(routeClass, "routeClass"));
            return this;
        }

        /**
         * Serves every route the annotation processor indexed on the class path, besides those added with
         * {@link #route(Class)}.
         *
         * @return this builder
         */
        public Builder discoverRoutes() {
            this.discover = true;
            return this;
        }

        /**
         * Also serves a plain Jakarta WebSocket endpoint next to the routes, for code written against
         * JSR-356 directly. Switchboard's session guarantees do not apply to it.
         *
         * @param config the endpoint's configuration
         * @return this builder
         */
        public Builder endpoint(ServerEndpointConfig config) {
            endpoints.add(Objects.requireNonNull(config, "config"));
            return this;
        }

        /**
         * The outbound queue limits of every session, unless its route overrides them.
         *
         * @param limits the limits; {@link SendQueueLimits#DEFAULT} if not set
         * @return this builder
         */
        public Builder sendQueueLimits(SendQueueLimits limits) {
            this.sendQueueLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * The heartbeat of every session, unless its route overrides it.
         *
         * @param heartbeat the heartbeat; {@link Heartbeat#DEFAULT} (30 seconds) if not set, {@link Heartbeat#OFF}
         *                  for none
         * @return this builder
         */
        public Builder heartbeat(Heartbeat heartbeat) {
            this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat");
            return this;
        }

        /**
         * Closes sessions with no message either way for this long, unless their route overrides it.
         *
         * @param timeout the idle timeout; {@link Duration#ZERO}, the default, for none
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("Idle timeout must not be negative, was " + timeout);
            }
            this.idleTimeout = timeout;
            return this;
        }

        /**
         * Browser origins allowed to open sessions on routes without their own {@link Route#origins()} list;
         * a page from any other origin gets 403 before the upgrade. Entries are exact origins
         * ({@code https://example.com}), patterns with one {@code *} for any subdomain
         * ({@code https://*.example.com}), or {@code *} for all. Not set, every origin is allowed: set it
         * whenever sessions act on cookies or other ambient credentials, or any web page may open a session
         * in its visitors' name (cross-site WebSocket hijacking). Clients that send no {@code Origin} (not a
         * browser) are not affected.
         *
         * @param origins the allowed origins
         * @return this builder
         */
        public Builder allowedOrigins(String... origins) {
            this.allowedOrigins = List.of(origins);
            return this;
        }

        /**
         * Most sessions open at once on all routes together; an upgrade beyond it is refused with 503 before it
         * becomes a session (routes may set their own lower limit, {@link Route#maxSessions()}). The limit is exact:
         * each accepted handshake holds its place from the moment it is accepted, so handshakes at the same moment
         * never overshoot it, and a handshake that does not become a session gives its place back.
         *
         * @param sessions the limit; {@code 0}, the default, for none
         * @return this builder
         */
        public Builder maxSessions(int sessions) {
            if (sessions < 0) {
                throw new IllegalArgumentException("The session limit must not be negative, was " + sessions);
            }
            this.maxSessions = sessions;
            return this;
        }

        /**
         * The largest message, text (in UTF-8 bytes) or binary, a session accepts unless its route says
         * otherwise; a larger one closes the session with 1009.
         *
         * @param bytes the limit; 16 MiB if not set
         * @return this builder
         */
        public Builder maxMessageSize(long bytes) {
            if (bytes < 1 || bytes > Integer.MAX_VALUE - 64) {
                throw new IllegalArgumentException("Message size limit must be 1 to 2 GiB, was " + bytes);
            }
            this.maxMessageBytes = bytes;
            return this;
        }

        /**
         * How long a client may take to send a whole handshake request, from opening its connection; one that
         * sends nothing or trickles its request in is closed when it passes, while other clients are served.
         * The same limit applies to plain HTTP requests (static files), and to the wait for the next request on
         * a kept-alive HTTP connection. Never to an upgraded WebSocket connection: see {@link #heartbeat} and
         * {@link #idleTimeout}.
         *
         * @param timeout the handshake timeout; 10 seconds if not set, {@link Duration#ZERO} for none
         * @return this builder
         */
        public Builder handshakeTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("Handshake timeout must not be negative, was " + timeout);
            }
            this.handshakeTimeout = timeout;
            return this;
        }

        /**
         * The largest handshake request head (request line and headers) accepted; a larger one is answered
         * 431 Request Header Fields Too Large and its connection closed. Plain HTTP requests get the same limit
         * (later requests on a kept-alive HTTP connection are answered 400 by Grizzly).
         *
         * @param bytes the limit, 1 KiB to 1 MiB; 16 KiB if not set
         * @return this builder
         */
        public Builder maxHandshakeHeaderBytes(int bytes) {
            if (bytes < 1024 || bytes > 1 << 20) {
                throw new IllegalArgumentException("Handshake header limit must be 1 KiB to 1 MiB, was " + bytes);
            }
            this.maxHandshakeHeaderBytes = bytes;
            return this;
        }

        /**
         * Offers permessage-deflate compression (RFC 7692) on every route: a client that asks for it, as browsers
         * and Node's {@code ws} do, exchanges messages compressed both ways. The route's message size limit applies
         * to the message as inflated, and refuses a larger one with 1009 as usual.
         *
         * <p>Off by default, because compression is a trade to make knowingly:
         * <ul>
         * <li>It costs server CPU for every message sent and received, and memory for as long as each session is
         *     open: a compressor and a decompressor with their windows, about 300 KiB per session that has sent or
         *     received a compressed message. It pays where bandwidth is scarce and messages are large and
         *     repetitive (JSON, text), not for small or already compressed ones; messages under 32 bytes are sent
         *     uncompressed.</li>
         * <li>Compressing a secret together with data someone else can influence, in one message or in one
         *     session (the compression context carries over from message to message), lets them learn the secret
         *     from the compressed sizes, as the CRIME and BREACH attacks did over TLS. Leave it off for sessions
         *     that carry tokens, session ids or personal data next to input reflected from other parties.</li>
         * </ul>
         *
         * <p>A compressed message is inflated only up to the largest message size limit of the routes: one that
         * would inflate further closes the session with 1009 ({@link CloseCause#TOO_BIG}) once that many bytes
         * came out, however small it was on the wire, so a "decompression bomb" costs at most that limit. Data that
         * does not inflate closes it with 1007. The client's parameters are negotiated as RFC 7692 says; an offer
         * that limits the server's window below 2^15 bytes, which {@code java.util.zip} cannot do, is declined, and
         * that client talks uncompressed. In a WAR, compression is the container's setting, not Switchboard's.
         *
         * @param enabled {@code true} to offer compression; {@code false}, the default, for none
         * @return this builder
         */
        public Builder perMessageDeflate(boolean enabled) {
            this.perMessageDeflate = enabled;
            return this;
        }

        /**
         * Whether handlers may block: wait for a database, a blocking HTTP call, a lock held long, a sleep.
         *
         * <p>By default ({@code false}) a connection's handlers run on the I/O thread that read its message, with
         * no hand-off between threads: the fastest way, about a fifth more messages per second than worker threads
         * and a shorter round trip. There a handler must not block, since every connection served by that thread
         * (one per core) waits for it; hand slow work to an executor of your own and write the result from there,
         * as writes never block and may come from any thread. A handler that holds an I/O thread over 250 ms is
         * logged once per route, naming this switch. With {@code true} handlers run on a pool of worker threads
         * that grows to 200, so a handler that blocks holds up only its own connection.
         *
         * @param blocking {@code true} if handlers may block; {@code false}, the default, if they never do
         * @return this builder
         */
        public Builder blockingHandlers(boolean blocking) {
            this.blockingHandlers = blocking;
            return this;
        }

        /**
         * How long {@link Switchboard#stop()} waits for sessions to close, and their clients to answer the
         * close, before cutting them.
         *
         * @param timeout the drain deadline; 10 seconds if not set
         * @return this builder
         */
        public Builder shutdownTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("Shutdown timeout must not be negative, was " + timeout);
            }
            this.shutdownTimeout = timeout;
            return this;
        }

        /**
         * Serves the files of a class-path folder over HTTP next to the routes, e.g. {@code "public"} serves
         * {@code public/index.html} at {@code /} and {@code /index.html}.
         *
         * @param classPathFolder the folder, without leading or trailing slash
         * @return this builder
         */
        public Builder staticFiles(String classPathFolder) {
            this.staticFolder = Objects.requireNonNull(classPathFolder, "classPathFolder").replaceAll("^/+|/+$", "");
            return this;
        }

        /**
         * Serves {@code wss://} (and {@code https://} for static files) with the key and certificate chain of a
         * PKCS12 keystore, such as {@code keytool -genkeypair -storetype PKCS12} writes. The keystore is read
         * by {@link #build()}, which fails if it cannot be. Replaces an earlier {@link #tls(SSLContext)}.
         *
         * @param pkcs12Keystore the keystore file; it must hold a private key with its certificate
         * @param password       the keystore's password, which PKCS12 also uses for the key; copied, so the
         *                       caller may clear its array
         * @return this builder
         */
        public Builder tls(Path pkcs12Keystore, char[] password) {
            this.tlsKeystore = Objects.requireNonNull(pkcs12Keystore, "pkcs12Keystore");
            this.tlsPassword = Objects.requireNonNull(password, "password").clone();
            this.tlsContext = null;
            return this;
        }

        /**
         * Serves {@code wss://} (and {@code https://} for static files) with a TLS context the application
         * made, e.g. from a keystore of another type or with its own key managers. The server uses it in server
         * mode and asks no client certificate. Replaces an earlier {@link #tls(Path, char[])}.
         *
         * @param context an initialized TLS context holding the server's key
         * @return this builder
         */
        public Builder tls(SSLContext context) {
            this.tlsContext = Objects.requireNonNull(context, "context");
            this.tlsKeystore = null;
            this.tlsPassword = null;
            return this;
        }

        /**
         * Where to find the route index and adapters.
         *
         * @param loader the class loader; the thread's context class loader if not set
         * @return this builder
         */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /**
         * Checks the routes and creates the server, not yet started.
         *
         * @return the server
         * @throws IllegalStateException    if Tyrus is not on the class path, there is no route, a route has no
         *                                  generated adapter, or two routes share a path
         * @throws IllegalArgumentException if the TLS keystore cannot be read, its password is wrong, or it holds
         *                                  no private key; the message names the file
         */
        public Switchboard build() {
            requireStandaloneEngine();
            ClassLoader loader = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
            List<Class<?>> chosen = new ArrayList<>(routes);
            Routes resolved = discover ? Routes.discoverWith(chosen, loader) : Routes.of(chosen, loader);
            if (resolved.paths().isEmpty() && endpoints.isEmpty()) {
                throw new IllegalStateException("No routes to serve: add route(...) classes, or discoverRoutes() "
                        + "with @Route classes compiled by the annotation processor on the class path.");
            }
            SSLContext tls = tlsKeystore != null ? Pkcs12.serverContext(tlsKeystore, tlsPassword) : tlsContext;
            return new Switchboard(new GrizzlyHost(host, port, resolved, endpoints,
                    new ServerSettings(sendQueueLimits, heartbeat, idleTimeout, maxMessageBytes, allowedOrigins,
                            maxSessions, !blockingHandlers),
                    shutdownTimeout, staticFolder, tls, new HandshakeLimits(handshakeTimeout, maxHandshakeHeaderBytes),
                    perMessageDeflate),
                    resolved.paths());
        }
    }
}

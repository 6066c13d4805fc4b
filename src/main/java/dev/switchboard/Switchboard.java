package dev.switchboard;

import dev.switchboard.standalone.GrizzlyHost;
import dev.switchboard.standalone.StandaloneOptions;
import jakarta.websocket.server.ServerEndpointConfig;

import javax.net.ssl.SSLContext;
import java.nio.file.Path;
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

    private Switchboard(GrizzlyHost host) {
        this.host = host;
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
        return host.paths();
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
    public static final class Builder extends StandaloneBuilder<Builder> {

        private final Set<Class<?>> routes = new LinkedHashSet<>();
        private boolean discover;
        private ClassLoader classLoader;
        private final List<ServerEndpointConfig> endpoints = new ArrayList<>();

        private Builder() {
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
            GrizzlyHost server = GrizzlyHost.create(new StandaloneOptions(host, port, new ArrayList<>(routes), discover,
                    classLoader, endpoints, toSettings(), blockingHandlers, staticFolder, tlsContext, tlsKeystore,
                    tlsPassword, handshakeTimeout, maxHandshakeHeaderBytes, perMessageDeflate));
            return new Switchboard(server);
        }
    }
}

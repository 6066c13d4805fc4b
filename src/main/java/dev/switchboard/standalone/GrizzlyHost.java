package dev.switchboard.standalone;

import dev.switchboard.Sessions;
import dev.switchboard.ShutdownSummary;
import dev.switchboard.runtime.Engine;
import dev.switchboard.runtime.Routes;
import dev.switchboard.ServerSettings;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.grizzly.strategies.SameThreadIOStrategy;
import org.glassfish.grizzly.strategies.WorkerThreadIOStrategy;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Serves routes on a Grizzly {@code HttpServer} that Switchboard wires itself: it binds only the host asked
 * for, speaks TLS when given a context, and it shuts down by draining sessions before the transport stops.
 */
public final class GrizzlyHost {

    private static final System.Logger LOG = System.getLogger(GrizzlyHost.class.getName());
    /** Handlers that block get threads up to this many, as Tomcat's connector does by default. */
    private static final int MAX_HANDLER_THREADS = 200;

    private final String host;
    private final int requestedPort;
    private final Routes routes;
    private final List<ServerEndpointConfig> plainEndpoints;
    private final ServerSettings settings;
    private final boolean handlersOnIoThreads;
    private final String staticFolder;
    private final SSLContext tls;
    private final Duration handshakeTimeout;
    private final int maxHandshakeHeaderBytes;
    private final boolean perMessageDeflate;
    private Engine engine;

    private HttpServer server;
    private StandaloneContainer container;
    private ClosingConnections closings;
    private int port = -1;
    private volatile boolean draining;
    /** Released when a stop begins, by a stop signal or by {@link #stop()}: {@link #serveUntilShutdown()} waits. */
    private volatile CountDownLatch stopping = new CountDownLatch(1);
    private ShutdownSummary lastStop = new ShutdownSummary(0, 0, 0);

    private GrizzlyHost(StandaloneOptions options, Routes routes, SSLContext tls) {
        this.host = options.host();
        this.requestedPort = options.port();
        this.routes = routes;
        this.plainEndpoints = List.copyOf(options.endpoints());
        this.settings = options.settings();
        this.handlersOnIoThreads = !options.blockingHandlers();
        this.staticFolder = options.staticFolder();
        this.tls = tls;
        this.handshakeTimeout = options.handshakeTimeout();
        this.maxHandshakeHeaderBytes = options.maxHandshakeHeaderBytes();
        this.perMessageDeflate = options.perMessageDeflate();
    }

    /**
     * Checks a standalone server's options and prepares its host; nothing is bound until {@link #start()}.
     *
     * @param options what the builder was told
     * @return the host
     * @throws IllegalStateException    if there is no route, a route has no generated adapter, or two routes share a
     *                                  path
     * @throws IllegalArgumentException if the TLS keystore cannot be read, its password is wrong, or it holds no
     *                                  private key; the message names the file
     */
    public static GrizzlyHost create(StandaloneOptions options) {
        ClassLoader loader = options.classLoader() != null ? options.classLoader()
                : Thread.currentThread().getContextClassLoader();
        Routes routes = options.discoverRoutes() ? Routes.discoverWith(options.routes(), loader)
                : Routes.of(options.routes(), loader);
        if (routes.paths().isEmpty() && options.endpoints().isEmpty()) {
            throw new IllegalStateException("No routes to serve: add route(...) classes, or discoverRoutes() "
                    + "with @Route classes compiled by the annotation processor on the class path.");
        }
        SSLContext tls = options.tlsKeystore() != null
                ? Pkcs12.serverContext(options.tlsKeystore(), options.tlsPassword()) : options.tlsContext();
        return new GrizzlyHost(options, routes, tls);
    }

    /**
     * The path templates of the routes this host serves.
     *
     * @return the paths, in order
     */
    public List<String> paths() {
        return routes.paths();
    }

    /**
     * Registers the routes and binds the listener.
     *
     * @throws UncheckedIOException if the address cannot be bound
     * @throws IllegalStateException if a route cannot be deployed
     */
    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("Already started");
        }
        ClosingConnections closing = new ClosingConnections();
        StandaloneContainer tyrus = new StandaloneContainer(routes.largestMessage(settings));
        Engine serving = new Engine(routes, settings, new TyrusHost(handlersOnIoThreads, perMessageDeflate
                ? List.of(new PerMessageDeflate(tyrus.largestPayload())) : List.of()));
        try {
            for (ServerEndpointConfig config : serving.endpointConfigs()) {
                tyrus.addEndpoint(config);
            }
            for (ServerEndpointConfig config : plainEndpoints) {
                tyrus.addEndpoint(config);
            }
            tyrus.start(StandaloneContainer.CONTEXT_PATH, requestedPort);
        } catch (DeploymentException | IOException e) {
            serving.release();
            throw new IllegalStateException("Could not deploy routes " + routes.paths() + ": " + e.getMessage(), e);
        }

        HttpServer http = new HttpServer();
        NetworkListener listener = new NetworkListener("switchboard", host, requestedPort);
        if (!handlersOnIoThreads) {
            // Off the selector threads, on a pool that grows as a servlet container's does, so that a handler
            // that blocks holds up only its own connection.
            listener.getTransport().setIOStrategy(WorkerThreadIOStrategy.getInstance());
            listener.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                    .setPoolName("switchboard-handler").setCorePoolSize(Runtime.getRuntime().availableProcessors())
                    .setMaxPoolSize(MAX_HANDLER_THREADS));
        } else {
            // On the selector thread that read the message: no hand-off, the fastest way for handlers that never
            // block (measured: echo 1.16-1.18x raw Tyrus instead of 0.94-0.98x).
            listener.getTransport().setIOStrategy(SameThreadIOStrategy.getInstance());
        }
        // A WebSocket connection is quiet as long as its users are; Grizzly must not time it out as HTTP.
        listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
        if (tls != null) {
            // Grizzly puts its SSL filter below HTTP and the WebSocket add-on, so every byte on this port is
            // TLS. Server mode, and no client certificate asked for: clients authenticate the server only.
            listener.setSecure(true);
            listener.setSSLEngineConfig(new SSLEngineConfigurator(tls, false, false, false));
        }
        // The HandshakeGuard answers a connection's first request head over the limit with 431 before Grizzly
        // sees it; Grizzly's own check, at the same limit, answers later requests of a kept-alive connection 400.
        listener.setMaxHttpHeaderSize(maxHandshakeHeaderBytes);
        HandshakeGuard handshakeGuard = new HandshakeGuard(handshakeTimeout, maxHandshakeHeaderBytes);
        if (!handshakeTimeout.isZero()) {
            serving.everyTick(handshakeGuard::expireOverdue, handshakeTimeout);
        }
        listener.registerAddOn(new SwitchboardAddOn(tyrus, closing, () -> draining, serving.gate(), handshakeGuard));
        http.getServerConfiguration().addHttpHandler(PlainRequests.handler(serving.gate(), staticFolder), "/");
        http.addListener(listener);
        try {
            http.start();
        } catch (IOException e) {
            tyrus.stop();
            serving.release();
            throw new UncheckedIOException("Could not listen on " + host + ":" + requestedPort + ": " + e.getMessage(), e);
        }
        server = http;
        engine = serving;
        container = tyrus;
        closings = closing;
        port = listener.getPort();
        draining = false;
        LOG.log(System.Logger.Level.INFO, "Switchboard serving " + routes.paths() + " on "
                + (secure() ? "wss://" : "ws://") + host + ":" + port);
    }

    /**
     * Starts if not started, serves until the process gets SIGTERM or SIGINT (or {@link #stop()} is called
     * elsewhere), then drains.
     *
     * @return what the drain did
     * @throws InterruptedException if the calling thread is interrupted while serving; the server keeps serving
     */
    public ShutdownSummary serveUntilShutdown() throws InterruptedException {
        CountDownLatch told = stopping;
        // Signals are caught before the listener opens, so that one sent as soon as it serves finds them caught.
        try (ShutdownSignals signals = ShutdownSignals.catchInto(told, this::stop)) {
            synchronized (this) {
                if (server == null) {
                    start();
                }
            }
            told.await();
        }
        return stop();
    }

    /**
     * The bound port.
     *
     * @return the port, or -1 before {@link #start()}
     */
    public synchronized int port() {
        return port;
    }

    /**
     * Whether this host speaks TLS.
     *
     * @return {@code true} if it serves wss:// and https://
     */
    public boolean secure() {
        return tls != null;
    }

    /**
     * A live view of one route's open sessions on this host.
     *
     * @param routeClass the route class
     * @return the view; empty if this host does not serve the route or has not started
     */
    public synchronized Sessions sessionsOf(Class<?> routeClass) {
        return engine == null ? Engine.noSessions() : engine.sessionsOf(routeClass);
    }

    /**
     * How many sessions are open on this host.
     *
     * @return the number of open sessions
     */
    public synchronized int openSessions() {
        return engine == null ? 0 : engine.openSessions();
    }

    /**
     * Refuses new upgrades with 503, closes every session with 1001 after its queued messages, waits for
     * their {@code @OnDisconnected} and for their clients to answer the close, up to the shutdown timeout,
     * reports the sessions left as disconnected, then stops the transport, which closes the connections left.
     *
     * @return what happened to the sessions that were open
     */
    public synchronized ShutdownSummary stop() {
        if (server == null) {
            return lastStop;
        }
        stopping.countDown();
        draining = true;
        closings.drain();
        long deadline = System.nanoTime() + settings.shutdownTimeout().toNanos();
        ShutdownSummary summary = engine.drain(settings.shutdownTimeout(), "server shutting down");
        try {
            // A session is reported disconnected once its close frame is written: its connection then waits for
            // the client's answer (RFC 6455, 7.1.1), within the same deadline.
            closings.awaitNone(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.shutdownNow();
        container.stop();
        engine.release();
        server = null;
        container = null;
        closings = null;
        lastStop = summary;
        stopping = new CountDownLatch(1);
        return summary;
    }
}

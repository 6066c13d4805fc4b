package dev.switchboard.standalone;

import dev.switchboard.CloseCause;
import dev.switchboard.CloseStatus;
import dev.switchboard.ShutdownSummary;
import dev.switchboard.runtime.Routes;
import dev.switchboard.runtime.HandshakeGate;
import dev.switchboard.runtime.ServerSettings;
import dev.switchboard.runtime.SessionRegistry;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerEndpointConfig;
import org.glassfish.grizzly.http.server.CLStaticHttpHandler;
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
    private final Duration shutdownTimeout;
    private final String staticFolder;
    private final SSLContext tls;
    private final HandshakeLimits handshakeLimits;
    private final boolean perMessageDeflate;
    private final SessionRegistry registry;

    private HttpServer server;
    private StandaloneContainer container;
    private HandshakeGuard guard;
    private int port = -1;
    private volatile boolean draining;

    /**
     * Prepares a host; nothing is bound until {@link #start()}.
     *
     * @param host            the address to bind
     * @param port            the port to bind, 0 for any free one
     * @param routes          the routes to serve
     * @param plainEndpoints  plain Jakarta WebSocket endpoints to serve beside them
     * @param settings        the settings routes inherit, and whether handlers run on the I/O threads
     * @param shutdownTimeout how long {@link #stop()} waits for sessions to close
     * @param staticFolder    a class-path folder whose files are served over HTTP, or {@code null}
     * @param tls             the TLS context to serve wss:// and https:// with, or {@code null} for plain ws://
     * @param handshakeLimits how long and how large a request head may be
     * @param perMessageDeflate whether routes offer permessage-deflate
     */
    public GrizzlyHost(String host, int port, Routes routes, List<ServerEndpointConfig> plainEndpoints,
                       ServerSettings settings, Duration shutdownTimeout, String staticFolder, SSLContext tls,
                       HandshakeLimits handshakeLimits, boolean perMessageDeflate) {
        this.host = host;
        this.requestedPort = port;
        this.routes = routes;
        this.plainEndpoints = List.copyOf(plainEndpoints);
        this.settings = settings;
        this.shutdownTimeout = shutdownTimeout;
        this.staticFolder = staticFolder;
        this.tls = tls;
        this.handshakeLimits = handshakeLimits;
        this.perMessageDeflate = perMessageDeflate;
        this.registry = new SessionRegistry(false, settings.maxSessions());
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
        HandshakeGate gate = routes.handshakeGate(settings, registry);
        StandaloneContainer tyrus = new StandaloneContainer(routes.largestMessage(settings));
        try {
            List<Extension> extensions = perMessageDeflate
                    ? List.of(new PerMessageDeflate(tyrus.largestPayload())) : List.of();
            for (ServerEndpointConfig config : routes.endpointConfigs(settings, registry, UpgradeRequestFilter::read,
                    extensions)) {
                tyrus.addEndpoint(config);
            }
            for (ServerEndpointConfig config : plainEndpoints) {
                tyrus.addEndpoint(config);
            }
            tyrus.start(StandaloneContainer.CONTEXT_PATH, requestedPort);
        } catch (DeploymentException | IOException e) {
            throw new IllegalStateException("Could not deploy routes " + routes.paths() + ": " + e.getMessage(), e);
        }

        HttpServer http = new HttpServer();
        NetworkListener listener = new NetworkListener("switchboard", host, requestedPort);
        if (!settings.handlersOnIoThreads()) {
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
        listener.setMaxHttpHeaderSize(handshakeLimits.maxHeaderBytes());
        HandshakeGuard handshakeGuard = new HandshakeGuard(handshakeLimits);
        listener.registerAddOn(new SwitchboardAddOn(tyrus, () -> draining, gate, handshakeGuard));
        if (staticFolder != null) {
            http.getServerConfiguration().addHttpHandler(
                    new CLStaticHttpHandler(GrizzlyHost.class.getClassLoader(), "/" + staticFolder + "/"), "/");
        }
        http.addListener(listener);
        try {
            http.start();
        } catch (IOException e) {
            tyrus.stop();
            handshakeGuard.close();
            throw new UncheckedIOException("Could not listen on " + host + ":" + requestedPort + ": " + e.getMessage(), e);
        }
        server = http;
        container = tyrus;
        guard = handshakeGuard;
        port = listener.getPort();
        draining = false;
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
     * The sessions open on this host.
     *
     * @return the registry
     */
    public SessionRegistry sessions() {
        return registry;
    }

    /**
     * Refuses new upgrades with 503, closes every session with 1001 after its queued messages, waits for
     * their {@code @OnDisconnected} up to the shutdown timeout, reports the rest as disconnected, then stops
     * the transport.
     *
     * @return what happened to the sessions that were open
     */
    public synchronized ShutdownSummary stop() {
        if (server == null) {
            return new ShutdownSummary(0, 0, 0);
        }
        draining = true;
        int open = registry.size();
        registry.closeAll(CloseStatus.GOING_AWAY, "server shutting down", CloseCause.SHUTDOWN);
        try {
            registry.awaitEmpty(shutdownTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Cut what is left before the transport goes, so that the summary counts it as cut.
        SessionRegistry.Cut cut = registry.abandonAll(
                new CloseStatus(CloseStatus.GOING_AWAY, "server shut down", CloseCause.SHUTDOWN));
        server.shutdownNow();
        container.stop();
        guard.close();
        registry.release();
        server = null;
        container = null;
        guard = null;
        ShutdownSummary summary = new ShutdownSummary(Math.max(0, open - cut.sessions()), cut.sessions(),
                cut.unsentMessages());
        LOG.log(cut.sessions() == 0 ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
                "Switchboard stopped: " + summary.closed() + " sessions closed, " + summary.cut()
                        + " cut after " + shutdownTimeout + " with " + summary.unsentMessages() + " messages unsent");
        return summary;
    }
}

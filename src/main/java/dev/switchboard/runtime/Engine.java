package dev.switchboard.runtime;

import dev.switchboard.CloseCause;
import dev.switchboard.CloseStatus;
import dev.switchboard.ServerSettings;
import dev.switchboard.ShutdownSummary;
import jakarta.websocket.server.ServerEndpointConfig;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One server's runtime, the same on every host: its routes' endpoint configurations, the handshake gate, the
 * sessions with their groups and clock, their metrics, and the drain. A host registers {@link #endpointConfigs()} on its
 * WebSocket container, runs {@link #gate()} before every upgrade, and calls {@link #drain} when it stops; what
 * differs per host comes in through its {@link Host}.
 *
 * <p>Its views of sessions are {@link SessionView}s, the runtime's {@code Sessions}: this class does not depend on
 * the API's {@code Sessions}, whose {@code of} reaches the engines through {@link #sessionsEverywhere}.
 */
public final class Engine {

    private static final System.Logger LOG = System.getLogger(Engine.class.getName());
    /**
     * The engines of this class loader that serve, from construction until {@link #release()}. In a WAR this class
     * lives in the application's own class loader, so applications never see each other's sessions.
     */
    private static final Set<Engine> SERVING = ConcurrentHashMap.newKeySet();

    private final Routes routes;
    private final ServerSettings settings;
    private final SessionRegistry registry;
    private final HandshakeGate gate;
    private final List<ServerEndpointConfig> endpointConfigs;
    private final Map<Class<?>, RouteInstances> instances;
    private final ClusterBus bus;
    private final Consumer<BusMessage> receiver;
    private final EngineEvents events;

    /**
     * Prepares a server's runtime: its routes are published to {@code Sessions.of} until {@link #release()}.
     *
     * @param routes   the routes to serve
     * @param settings the settings routes inherit
     * @param host     what differs on the host it runs on
     * @throws IllegalStateException if a route's instances or handshake check cannot be made
     */
    public Engine(Routes routes, ServerSettings settings, Host host) {
        this.routes = routes;
        this.settings = settings;
        this.instances = routes.instances(settings.instanceFactory().orElse(null)); // first: it may fail the start
        this.bus = ClusterAccess.busOf(settings.cluster());
        this.events = MetricsAccess.eventsOf(settings.metrics());
        this.registry = new SessionRegistry(new ControlFrames(host.controlFramesBlock(), host::threadMayWait),
                settings.maxSessions(), events, bus);
        this.receiver = new ClusterReceiver(registry);
        try {
            this.gate = routes.handshakeGate(settings, registry, host);
            this.endpointConfigs = routes.endpointConfigs(settings, registry, host, instances);
        } catch (RuntimeException | Error e) {
            registry.release(); // the metrics of the routes served so far no longer read them
            instances.values().forEach(RouteInstances::release);
            throw e;
        }
        SERVING.add(this);
        if (!(bus instanceof LocalBus)) {
            events.joinedCluster(bus);
        }
        bus.attach(receiver); // last: the bus may hand over messages at once, and never fails the start
    }

    /**
     * A live view of a route's open sessions on every engine of this class loader that serves it, for
     * {@code Sessions.of}.
     *
     * @param routeClass the route class
     * @return the view; empty while no engine serves the route
     */
    public static SessionView sessionsEverywhere(Class<?> routeClass) {
        return SessionView.of(() -> SERVING.stream().flatMap(engine -> engine.registry.sessionsOf(routeClass).stream())
                .toList());
    }

    /**
     * One endpoint configuration per route, for the host to register on its WebSocket container.
     *
     * @return the configurations
     */
    public List<ServerEndpointConfig> endpointConfigs() {
        return endpointConfigs;
    }

    /**
     * The gate every upgrade request passes before the host upgrades it.
     *
     * @return the gate
     */
    public HandshakeGate gate() {
        return gate;
    }

    /**
     * Runs a host's own timer check on the clock that runs the sessions' timers, at least four times per
     * {@code timer}: one thread and one sweep for the whole server, not a scheduled task per connection. Call it
     * before the host accepts connections.
     *
     * @param check what to run on every tick; it must be quick and never block
     * @param timer the shortest time the check measures
     */
    public void everyTick(Runnable check, Duration timer) {
        registry.everyTick(check, timer);
    }

    /**
     * The path templates of the routes, in order.
     *
     * @return the paths
     */
    public List<String> paths() {
        return routes.paths();
    }

    /**
     * The largest message any route accepts, for hosts that must size their frame buffers.
     *
     * @return the size in bytes
     */
    public long largestMessage() {
        return routes.largestMessage(settings);
    }

    /**
     * A live view of one route's open sessions on this server.
     *
     * @param routeClass the route class
     * @return the view; empty if this server does not serve the route
     */
    public SessionView sessionsOf(Class<?> routeClass) {
        return SessionView.of(() -> registry.sessionsOf(routeClass));
    }

    /**
     * The view of a server that serves nothing yet.
     *
     * @return an empty view
     */
    public static SessionView noSessions() {
        return SessionView.of(List::of);
    }

    /**
     * How many sessions are open.
     *
     * @return the number of open sessions
     */
    public int openSessions() {
        return registry.size();
    }

    /**
     * Closes every session with 1001 (Going Away) after its queued messages, waits up to {@code timeout} for
     * their {@code @OnDisconnected}, reports the rest as disconnected without waiting for the host, and logs
     * what happened. Call it before the host's transport stops, then {@link #release()}.
     *
     * @param timeout how long to wait for sessions to close
     * @param reason  the close reason sent to clients
     * @return what happened to the sessions that were open
     */
    public ShutdownSummary drain(Duration timeout, String reason) {
        int open = registry.size();
        registry.closeAll(CloseStatus.GOING_AWAY, reason, CloseCause.SHUTDOWN);
        try {
            registry.awaitEmpty(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        SessionRegistry.Cut cut = registry.abandonAll(new CloseStatus(CloseStatus.GOING_AWAY, reason,
                CloseCause.SHUTDOWN));
        ShutdownSummary summary = new ShutdownSummary(Math.max(0, open - cut.sessions()), cut.sessions(),
                cut.unsentMessages());
        LOG.log(cut.sessions() == 0 ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
                "Switchboard stopped: " + summary.closed() + " sessions closed, " + summary.cut()
                        + " cut after " + timeout + " with " + summary.unsentMessages() + " messages unsent");
        return summary;
    }

    /**
     * Ends the server's threads, withdraws its routes from {@code Sessions.of} and releases the shared route
     * instances, once its host stopped.
     */
    public void release() {
        bus.detach(receiver);
        if (!(bus instanceof LocalBus)) {
            events.leftCluster(bus);
        }
        SERVING.remove(this);
        registry.release();
        instances.values().forEach(RouteInstances::release);
    }
}

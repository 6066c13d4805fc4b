package dev.switchboard.metrics;

import dev.switchboard.runtime.ClusterBus;
import dev.switchboard.runtime.EngineEvents;
import dev.switchboard.runtime.RouteEvents;
import dev.switchboard.runtime.RouteState;
import io.micrometer.core.instrument.MeterRegistry;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's events as meters on one Micrometer registry, one {@link RouteMeters} per route template.
 */
public final class MicrometerEvents implements EngineEvents {

    /**
     * The events of each registry, so that servers reporting to one registry share a route's meters, gauges
     * included: a registry keeps the first gauge of a name and tags, and would ignore a second server's. Weak both
     * ways, so that a registry and its events go once no server or {@code Metrics} uses them.
     */
    private static final Map<MeterRegistry, WeakReference<MicrometerEvents>> BY_REGISTRY = new WeakHashMap<>();

    private final MeterRegistry registry;
    private final Map<String, RouteMeters> routes = new ConcurrentHashMap<>();
    private final Map<ClusterBus, ClusterMeters> clusters = new ConcurrentHashMap<>();

    private MicrometerEvents(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * The events that report to a registry.
     *
     * @param registry the registry
     * @return its events, the same for every call with the same registry while they are in use
     */
    public static synchronized EngineEvents of(MeterRegistry registry) {
        WeakReference<MicrometerEvents> known = BY_REGISTRY.get(registry);
        MicrometerEvents events = known == null ? null : known.get();
        if (events == null) {
            events = new MicrometerEvents(registry);
            BY_REGISTRY.put(registry, new WeakReference<>(events));
        }
        return events;
    }

    @Override
    public RouteEvents serving(String template, RouteState state) {
        RouteMeters meters = routes.computeIfAbsent(template, route -> new RouteMeters(registry, route));
        meters.serving(state);
        return meters;
    }

    @Override
    public void joinedCluster(ClusterBus bus) {
        clusters.computeIfAbsent(bus, used -> new ClusterMeters(registry, used)).add();
    }

    @Override
    public void leftCluster(ClusterBus bus) {
        clusters.computeIfPresent(bus, (used, meters) -> meters.remove() ? null : meters);
    }

    @Override
    public void stoppedServing(String template, RouteState state) {
        RouteMeters meters = routes.get(template);
        if (meters != null) {
            meters.stoppedServing(state);
        }
    }
}
